import {
  EuiBasicTable,
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiEmptyPrompt,
  EuiFlexGroup,
  EuiFlexItem,
  EuiHealth,
  EuiLoadingSpinner,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
  type EuiBasicTableColumn,
} from '@opensearch-project/oui';
import React, { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReportSummary } from '../../../telemetry/common/report_history';
import { failureMessage, saveBlob, type ReportHistoryApi } from '../lib/report_history_api';
import { STATUS_DISPLAY, toReportRow, type ReportRow } from '../lib/report_history_logic';
import { ReportFlyout } from './report_flyout';

export interface ReportHistoryProps {
  api: ReportHistoryApi;
  /** A time in the user's `dateFormat` and `dateFormat:tz` (core's `createDateFormatter(uiSettings)`). */
  formatDate: (iso: string) => string;
  /** Saves the export (tests pass their own). */
  save?: (blob: Blob, fileName: string) => void;
}

type ListState = { status: 'loading' } | { status: 'loaded'; reports: ReportSummary[] } | { status: 'error'; message: string };

const TITLE_ID = 'telemetryReportHistoryTitle';

/**
 * "Report history": every report the deployment generated (the ledger), newest first. The list is
 * metadata only; a report's payload and diff are fetched when it is opened.
 */
export function ReportHistory({ api, formatDate, save = saveBlob }: ReportHistoryProps) {
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [open, setOpen] = useState<ReportRow | undefined>(undefined);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | undefined>(undefined);

  const load = useCallback(() => {
    let current = true;
    setList({ status: 'loading' });
    api.list().then(
      (reports) => current && setList({ status: 'loaded', reports }),
      (error) => current && setList({ status: 'error', message: failureMessage(error) })
    );
    return () => {
      current = false;
    };
  }, [api]);
  useEffect(() => load(), [load]);

  const rows = useMemo(() => (list.status === 'loaded' ? list.reports.map((r) => toReportRow(r, formatDate)) : []), [list, formatDate]);

  const onExport = async () => {
    setExporting(true);
    setExportError(undefined);
    try {
      const { blob, fileName } = await api.exportAll();
      save(blob, fileName);
    } catch (error) {
      setExportError(failureMessage(error));
    } finally {
      setExporting(false);
    }
  };

  const columns: Array<EuiBasicTableColumn<ReportRow>> = [
    { field: 'time', name: 'Time', render: (time: string, row: ReportRow) => <span data-test-subj={`reportTime-${row.id}`}>{time}</span> },
    {
      field: 'status',
      name: 'Status',
      render: (status: ReportRow['status']) => <EuiHealth color={STATUS_DISPLAY[status].color}>{STATUS_DISPLAY[status].label}</EuiHealth>,
    },
    { field: 'level', name: 'Level', render: (level: ReportRow['level']) => (level === 'full' ? 'Full' : 'Operational') },
    { field: 'size', name: 'Size' },
    {
      field: 'shortSha',
      name: 'SHA-256',
      render: (short: string, row: ReportRow) => (
        <code title={row.sha256} data-test-subj={`reportSha-${row.id}`}>
          {short}
        </code>
      ),
    },
    {
      name: 'Actions',
      render: (row: ReportRow) => (
        <EuiButtonEmpty size="xs" iconType="inspect" onClick={() => setOpen(row)} aria-label={`View the report of ${row.time}`} data-test-subj={`reportView-${row.id}`}>
          View
        </EuiButtonEmpty>
      ),
    },
  ];

  return (
    <>
      <EuiSpacer size="l" />
      <EuiPanel paddingSize="l" data-test-subj="telemetryReportHistory" aria-labelledby={TITLE_ID} role="region">
        <EuiFlexGroup alignItems="center" responsive={false}>
          <EuiFlexItem>
            <EuiTitle size="xs">
              <h3 id={TITLE_ID}>Report history</h3>
            </EuiTitle>
            <EuiText size="s" color="subdued">
              <p>Every report this deployment generated, newest first: what was sent (or kept), when, and its SHA-256.</p>
            </EuiText>
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <EuiButton
              size="s"
              iconType="exportAction"
              onClick={() => void onExport()}
              isLoading={exporting}
              isDisabled={list.status !== 'loaded' || list.reports.length === 0}
              data-test-subj="telemetryReportExport"
            >
              Export all
            </EuiButton>
          </EuiFlexItem>
        </EuiFlexGroup>
        {exportError && (
          <>
            <EuiSpacer size="s" />
            <EuiCallOut color="danger" iconType="alert" size="s" title={exportError} data-test-subj="telemetryReportExportError" />
          </>
        )}
        <EuiSpacer size="m" />
        {list.status === 'loading' && (
          <EuiFlexGroup justifyContent="center" data-test-subj="telemetryReportHistoryLoading">
            <EuiFlexItem grow={false}>
              <EuiLoadingSpinner size="l" aria-label="Loading the report history" />
            </EuiFlexItem>
          </EuiFlexGroup>
        )}
        {list.status === 'error' && (
          <EuiCallOut color="danger" iconType="alert" title="Could not load the report history" data-test-subj="telemetryReportHistoryError">
            <p>{list.message}</p>
            <EuiButton size="s" onClick={load} data-test-subj="telemetryReportHistoryRetry">
              Try again
            </EuiButton>
          </EuiCallOut>
        )}
        {list.status === 'loaded' && list.reports.length === 0 && (
          <EuiEmptyPrompt
            iconType="document"
            titleSize="xs"
            title={<h4>No reports yet</h4>}
            body={<p>A report appears here once this deployment generates one (after an opt-in, on the report schedule).</p>}
            data-test-subj="telemetryReportHistoryEmpty"
          />
        )}
        {list.status === 'loaded' && list.reports.length > 0 && (
          <EuiBasicTable<ReportRow>
            items={rows}
            columns={columns}
            tableCaption="Telemetry reports, newest first"
            rowProps={(row: ReportRow) => ({ 'data-test-subj': `reportRow-${row.id}` })}
            data-test-subj="telemetryReportTable"
          />
        )}
      </EuiPanel>
      {open && <ReportFlyout row={open} api={api} onClose={() => setOpen(undefined)} />}
    </>
  );
}
