import { EuiCallOut, EuiFlexGroup, EuiFlexItem, EuiLink, EuiPanel, EuiSpacer, EuiSwitch, EuiText, EuiTitle, type Query } from '@opensearch-project/oui';
import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useObservable, type IToasts } from '../../../../core/public';
import type { TelemetryService } from '../../../telemetry/public';
import { lockedMessage, matchesSearchTerms, stateDescription, successMessage } from '../lib/section_logic';
import { OptInExampleFlyout } from './opt_in_example_flyout';
import { ReportHistory, type ReportHistoryProps } from './report_history';

/** The props every Advanced Settings footer receives, and what this plugin adds. */
export interface TelemetryManagementSectionProps {
  telemetryService: Pick<TelemetryService, 'getState$' | 'getIsOptedIn' | 'setOptIn' | 'fetchExample' | 'getCanChangeOptInStatus' | 'getLockedBy'>;
  privacyStatementUrl: string;
  downloadUrl: string;
  toasts: Pick<IToasts, 'addSuccess'>;
  query?: Query;
  onQueryMatchChange: (matched: boolean) => void;
  enableSaving?: boolean;
  /** Whether this user may read the unencrypted report (`telemetry.readReport`); the example link needs it. */
  canReadReport?: boolean;
  /**
   * The report history, given only to users who may read the ledger (capability `telemetry.readReports`,
   * decided on the server from the `telemetry:reports` privilege); absent otherwise.
   */
  reportHistory?: Pick<ReportHistoryProps, 'api' | 'formatDate'>;
}

const LOCKED_MESSAGE_ID = 'telemetryLockedMessage';

/** "Usage Data" at the bottom of Advanced Settings: the opt-in switch, why it is locked, and the example report. */
export function TelemetryManagementSection({
  telemetryService,
  privacyStatementUrl,
  downloadUrl,
  toasts,
  query,
  onQueryMatchChange,
  canReadReport = true,
  reportHistory,
}: TelemetryManagementSectionProps) {
  const state$ = useMemo(() => telemetryService.getState$(), [telemetryService]);
  const state = useObservable(state$, {
    optIn: telemetryService.getIsOptedIn(),
    allowChangingOptInStatus: telemetryService.getCanChangeOptInStatus(),
    lockedBy: telemetryService.getLockedBy(),
    sendUsageFrom: 'server' as const,
    notifyUserAboutOptInDefault: false,
  });
  const [saving, setSaving] = useState(false);
  const [flyoutOpen, setFlyoutOpen] = useState(false);
  const matched = matchesSearchTerms(query?.text ?? '');
  const lastMatched = useRef<boolean | undefined>(undefined);

  useEffect(() => {
    if (lastMatched.current !== matched) onQueryMatchChange(matched);
    lastMatched.current = matched;
  }, [matched, onQueryMatchChange]);

  const onChange = useCallback(
    async (enabled: boolean) => {
      setSaving(true);
      // The service toasts a failure with the server's message; success is told here, and only on success.
      const saved = await telemetryService.setOptIn(enabled);
      setSaving(false);
      if (saved) toasts.addSuccess(successMessage(enabled));
    },
    [telemetryService, toasts]
  );
  const fetchExample = useCallback(() => telemetryService.fetchExample(), [telemetryService]);

  if (!matched) return null;
  const locked = lockedMessage(state);
  return (
    <>
      <EuiSpacer size="l" />
      <EuiPanel paddingSize="l" data-test-subj="telemetryManagementSection">
        <EuiTitle size="s">
          <h2>Usage Data</h2>
        </EuiTitle>
        <EuiSpacer size="m" />
        <EuiFlexGroup>
          <EuiFlexItem>
            <EuiTitle size="xs">
              <h3>Provide usage data</h3>
            </EuiTitle>
            <EuiText size="s" color="subdued">
              <p>
                Help us improve OpenSearch Dashboards by sending statistics about how this deployment is used (never the content of your
                indices).{' '}
                {canReadReport ? (
                  <>
                    <EuiLink onClick={() => setFlyoutOpen(true)} data-test-subj="telemetryExampleLink">
                      See an example of what we collect
                    </EuiLink>
                    .
                  </>
                ) : (
                  <span data-test-subj="telemetryExampleAdminOnly">An admin can see an example of what is collected.</span>
                )}{' '}
                Read our{' '}
                <EuiLink href={privacyStatementUrl} target="_blank" external data-test-subj="telemetryPrivacyLink">
                  privacy statement
                </EuiLink>
                .
              </p>
              <p data-test-subj="telemetryStateDescription">
                {stateDescription(state.optIn)}
                {locked ? '' : ' Changes apply to the whole deployment and are saved at once.'}
              </p>
            </EuiText>
            {locked && (
              <>
                <EuiSpacer size="s" />
                <EuiCallOut size="s" iconType="lock" title={locked} id={LOCKED_MESSAGE_ID} data-test-subj="telemetryLockedMessage" />
              </>
            )}
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <EuiSwitch
              label="Provide usage data"
              showLabel={false}
              checked={state.optIn === true}
              disabled={Boolean(locked) || saving}
              // The reason it cannot be used is read out with the switch.
              aria-describedby={locked ? LOCKED_MESSAGE_ID : undefined}
              onChange={(e) => void onChange(e.target.checked)}
              data-test-subj="telemetryOptInSwitch"
            />
          </EuiFlexItem>
        </EuiFlexGroup>
        {reportHistory && <ReportHistory api={reportHistory.api} formatDate={reportHistory.formatDate} />}
      </EuiPanel>
      {flyoutOpen && <OptInExampleFlyout fetchExample={fetchExample} downloadUrl={downloadUrl} onClose={() => setFlyoutOpen(false)} />}
    </>
  );
}
