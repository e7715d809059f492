import {
  EuiButton,
  EuiCallOut,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutHeader,
  EuiLoadingSpinner,
  EuiSpacer,
  EuiTab,
  EuiTabs,
  EuiText,
  EuiTitle,
} from '@opensearch-project/oui';
import React, { useEffect, useState } from 'react';
import type { ReportDiff } from '../../../telemetry/common/report_history';
import { failureMessage, type ReportHistoryApi } from '../lib/report_history_api';
import { diffLines, diffSummary, reportFileName, type ReportRow } from '../lib/report_history_logic';
import { VirtualText } from './virtual_text';

export interface ReportFlyoutProps {
  row: ReportRow;
  api: Pick<ReportHistoryApi, 'getPayload' | 'getDiff' | 'payloadUrl'>;
  onClose: () => void;
}

type Loaded<T> = { status: 'loading' } | { status: 'loaded'; value: T } | { status: 'error'; message: string };
type Tab = 'payload' | 'diff';

const TITLE_ID = 'telemetryReportFlyoutTitle';

/** Loads `load` once per key (aborted when the key changes or the flyout closes). */
function useLoad<T>(key: string, enabled: boolean, load: (signal: AbortSignal) => Promise<T>): Loaded<T> | undefined {
  const [state, setState] = useState<Loaded<T> | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (value) => !controller.signal.aborted && setState({ status: 'loaded', value }),
      (error) => !controller.signal.aborted && setState({ status: 'error', message: failureMessage(error) })
    );
    return () => controller.abort();
    // `load` is a new closure each render; the key says what it loads.
  }, [key, enabled]);
  return state;
}

function Loading({ subj }: { subj: string }) {
  return (
    <EuiFlexGroup justifyContent="center" data-test-subj={subj}>
      <EuiFlexItem grow={false}>
        <EuiLoadingSpinner size="xl" aria-label="Loading" />
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}

/** One report: its exact payload (fetched when opened), its changes since the previous one, and a download. */
export function ReportFlyout({ row, api, onClose }: ReportFlyoutProps) {
  const [tab, setTab] = useState<Tab>('payload');
  const payload = useLoad(`payload:${row.id}`, true, (signal) => api.getPayload(row.id, signal));
  // The diff is fetched only when its tab is first shown.
  const [diffWanted, setDiffWanted] = useState(false);
  const diff = useLoad<ReportDiff>(`diff:${row.id}`, diffWanted, (signal) => api.getDiff(row.id, signal));
  const show = (next: Tab) => {
    setTab(next);
    if (next === 'diff') setDiffWanted(true);
  };

  return (
    <EuiFlyout onClose={onClose} size="l" ownFocus aria-labelledby={TITLE_ID} data-test-subj="telemetryReportFlyout">
      <EuiFlyoutHeader hasBorder>
        <EuiTitle size="m">
          <h2 id={TITLE_ID}>Report of {row.time}</h2>
        </EuiTitle>
        <EuiText size="s" color="subdued">
          <p data-test-subj="telemetryReportFlyoutMeta">
            {row.level === 'full' ? 'Full' : 'Operational'} report, {row.size}, SHA-256 <code>{row.sha256}</code>
          </p>
        </EuiText>
        <EuiSpacer size="s" />
        <EuiTabs size="s">
          <EuiTab isSelected={tab === 'payload'} onClick={() => show('payload')} data-test-subj="telemetryReportPayloadTab">
            Payload
          </EuiTab>
          <EuiTab isSelected={tab === 'diff'} onClick={() => show('diff')} data-test-subj="telemetryReportDiffTab">
            Changes since the previous report
          </EuiTab>
        </EuiTabs>
      </EuiFlyoutHeader>
      <EuiFlyoutBody>
        {tab === 'payload' ? renderPayload(payload, row, api) : renderDiff(diff)}
      </EuiFlyoutBody>
    </EuiFlyout>
  );
}

function renderPayload(state: Loaded<string> | undefined, row: ReportRow, api: ReportFlyoutProps['api']) {
  if (!state || state.status === 'loading') return <Loading subj="telemetryReportPayloadLoading" />;
  if (state.status === 'error') {
    return (
      <EuiCallOut color="danger" iconType="alert" title="Could not load the report" data-test-subj="telemetryReportPayloadError">
        <p>{state.message}</p>
      </EuiCallOut>
    );
  }
  return (
    <>
      <EuiFlexGroup justifyContent="flexEnd" gutterSize="s" responsive={false}>
        <EuiFlexItem grow={false}>
          {/* The stored bytes themselves (same origin), saved under a file name. */}
          <EuiButton size="s" iconType="download" href={api.payloadUrl(row.id)} download={reportFileName(row.id)} data-test-subj="telemetryReportDownload">
            Download
          </EuiButton>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="s" />
      <VirtualText text={state.value} label="Report payload (JSON)" data-test-subj="telemetryReportPayload" />
    </>
  );
}

function renderDiff(state: Loaded<ReportDiff> | undefined) {
  if (!state || state.status === 'loading') return <Loading subj="telemetryReportDiffLoading" />;
  if (state.status === 'error') {
    return (
      <EuiCallOut color="danger" iconType="alert" title="Could not compare the report" data-test-subj="telemetryReportDiffError">
        <p>{state.message}</p>
      </EuiCallOut>
    );
  }
  const lines = diffLines(state.value);
  return (
    <>
      <EuiText size="s">
        <p data-test-subj="telemetryReportDiffSummary">{diffSummary(state.value)}</p>
      </EuiText>
      <EuiSpacer size="s" />
      {lines.length > 0 && <VirtualText text={lines.join('\n')} label="Changes since the previous report" data-test-subj="telemetryReportDiff" />}
    </>
  );
}
