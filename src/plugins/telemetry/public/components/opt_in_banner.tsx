import { EuiButton, EuiCallOut, EuiFlexGroup, EuiFlexItem, EuiLink, EuiSpacer, EuiText } from '@opensearch-project/oui';
import React from 'react';

export interface OptInBannerProps {
  privacyStatementUrl: string;
  onChangeOptInClick: (enabled: boolean) => void;
}

/** The question a fresh install asks: may usage data be sent? */
export function OptInBanner({ privacyStatementUrl, onChangeOptInClick }: OptInBannerProps) {
  return (
    <EuiCallOut iconType="questionInCircle" title="Help us improve OpenSearch Dashboards" data-test-subj="telemetryOptInBanner">
      <EuiText size="s">
        <p>
          Want to help us improve OpenSearch Dashboards? Usage data collection is currently disabled. Enabling it sends
          statistics about how this deployment is used (never the content of your indices) once a day. Read our{' '}
          <EuiLink href={privacyStatementUrl} target="_blank" external data-test-subj="telemetryOptInPrivacyLink">
            privacy statement
          </EuiLink>
          . You can change this later in Advanced Settings.
        </p>
      </EuiText>
      <EuiSpacer size="s" />
      <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
        <EuiFlexItem grow={false}>
          <EuiButton size="s" fill onClick={() => onChangeOptInClick(true)} data-test-subj="telemetryOptInEnable">
            Enable
          </EuiButton>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButton size="s" onClick={() => onChangeOptInClick(false)} data-test-subj="telemetryOptInDisable">
            Disable
          </EuiButton>
        </EuiFlexItem>
      </EuiFlexGroup>
    </EuiCallOut>
  );
}
