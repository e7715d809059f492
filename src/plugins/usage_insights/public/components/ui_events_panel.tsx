import React from 'react';
import { EuiBasicTable, type EuiBasicTableColumn } from '@opensearch-project/oui';
import type { UiEventsResponse } from '../../common';
import { InsightsPanel } from './panel';
import type { ApiState } from './use_api';

type UiEvent = UiEventsResponse['events'][number];

const count = (value: number | null) => (value === null ? '—' : value.toLocaleString('en-US'));

const COLUMNS: Array<EuiBasicTableColumn<UiEvent>> = [
  { field: 'appName', name: 'Application' },
  { field: 'eventName', name: 'Event', truncateText: true },
  { field: 'last7Days', name: 'Last 7 days', align: 'right', render: count },
  { field: 'last30Days', name: 'Last 30 days', align: 'right', render: count },
  { field: 'allTime', name: 'All time', align: 'right', render: count },
];

/** The most frequent UI events (all-time), with their counts over the last 7 and 30 days. */
export const UiEventsPanel: React.FunctionComponent<{ state: ApiState<UiEventsResponse> }> = ({ state }) => (
  <InsightsPanel
    title="Top UI events"
    description="The most counted UI events of all time, with their last 7 and 30 days."
    state={state}
    isEmpty={(data) => data.events.length === 0}
    emptyMessage="No UI event has been counted yet."
    testSubj="insightsUiEvents"
  >
    {(data) => (
      <EuiBasicTable<UiEvent>
        items={data.events}
        columns={COLUMNS}
        rowProps={(e) => ({ 'data-test-subj': `uiEventRow-${e.appName}:${e.eventName}` })}
        tableCaption="Top UI events"
        data-test-subj="insightsUiEventsTable"
      />
    )}
  </InsightsPanel>
);
