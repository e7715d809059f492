import React from 'react';
import { EuiBasicTable, EuiHealth, type EuiBasicTableColumn } from '@opensearch-project/oui';
import type { CollectorHealthStatus, CollectorsResponse } from '../../common';
import { InsightsPanel } from './panel';
import type { ApiState } from './use_api';

type Collector = CollectorsResponse['collectors'][number];

const HEALTH_COLOR: Record<CollectorHealthStatus, string> = { ok: 'success', 'not ready': 'subdued', 'timed out': 'warning', failed: 'danger' };

const COLUMNS: Array<EuiBasicTableColumn<Collector>> = [
  { field: 'name', name: 'Collector' },
  { field: 'status', name: 'Status', render: (status: CollectorHealthStatus) => <EuiHealth color={HEALTH_COLOR[status]}>{status}</EuiHealth> },
  { field: 'fetchDurationMs', name: 'Last fetch (ms)', align: 'right', render: (ms: number) => ms.toFixed(1) },
  { field: 'droppedFields', name: 'Dropped undeclared fields', align: 'right' },
  { field: 'invalidValues', name: 'Invalid values', align: 'right' },
];

/** Every collector's last fetch: status, time taken, and what the schema filter left out. */
export const CollectorsPanel: React.FunctionComponent<{ state: ApiState<CollectorsResponse> }> = ({ state }) => (
  <InsightsPanel
    title="Collector health"
    description={state.status === 'ok' ? `Measured at ${state.data.measuredAt} (kept for a minute); the whole fetch took ${state.data.totalDurationMs} ms.` : 'Each collector\u2019s last fetch.'}
    state={state}
    isEmpty={(data) => data.collectors.length === 0}
    emptyMessage="No collector is registered."
    testSubj="insightsCollectors"
  >
    {(data) => (
      <EuiBasicTable<Collector>
        items={data.collectors}
        columns={COLUMNS}
        rowProps={(c) => ({ 'data-test-subj': `collectorRow-${c.name}` })}
        tableCaption="Collector health"
        data-test-subj="insightsCollectorsTable"
      />
    )}
  </InsightsPanel>
);
