import { EuiButton, EuiCallOut, EuiLink, EuiSpacer, EuiText } from '@opensearch-project/oui';
import React from 'react';

export interface OptedInNoticeBannerProps {
  privacyStatementUrl: string;
  /** Advanced Settings, where usage data can be turned off. */
  settingsUrl: string;
  onSeenBanner: () => void;
}

/** Tells the admin that usage data is collected because the config opted in. */
export function OptedInNoticeBanner({ privacyStatementUrl, settingsUrl, onSeenBanner }: OptedInNoticeBannerProps) {
  return (
    <EuiCallOut iconType="iInCircle" title="Help us improve OpenSearch Dashboards" data-test-subj="telemetryOptedInNotice">
      <EuiText size="s">
        <p>
          This deployment sends usage data, as its configuration opted in. To learn about how usage data helps us manage
          and improve our products and services, see our{' '}
          <EuiLink href={privacyStatementUrl} target="_blank" external onClick={onSeenBanner} data-test-subj="telemetryNoticePrivacyLink">
            privacy statement
          </EuiLink>
          . To stop collection,{' '}
          <EuiLink href={settingsUrl} onClick={onSeenBanner} data-test-subj="telemetryNoticeSettingsLink">
            disable usage data here
          </EuiLink>
          .
        </p>
      </EuiText>
      <EuiSpacer size="s" />
      <EuiButton size="s" onClick={onSeenBanner} data-test-subj="telemetryNoticeDismiss">
        Dismiss
      </EuiButton>
    </EuiCallOut>
  );
}
