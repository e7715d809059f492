import React, { useMemo } from 'react';
import { EuiBasicTable, EuiSpacer, type EuiBasicTableColumn } from '@opensearch-project/oui';
import type { UsageCountersResponse } from '../../common';
import { countersOption } from '../chart_options';
import type { ChartTheme } from '../chart_theme';
import { EChart } from './echart';
import { InsightsPanel } from './panel';
import type { ApiState } from './use_api';

type Domain = UsageCountersResponse['domains'][number];

const COLUMNS: Array<EuiBasicTableColumn<Domain>> = [
  { field: 'domainId', name: 'Domain' },
  { field: 'total', name: 'Total', align: 'right', render: (n: number) => n.toLocaleString('en-US') },
  {
    field: 'counters',
    name: 'Top counters',
    render: (counters: Domain['counters']) =>
      counters
        .slice(0, 3)
        .map((c) => `${c.counterName} (${c.counterType}): ${c.total.toLocaleString('en-US')}`)
        .join(', '),
  },
];

const CountersChart: React.FunctionComponent<{ data: UsageCountersResponse; theme: ChartTheme }> = ({ data, theme }) => {
  const option = useMemo(() => countersOption(data, theme), [data, theme]);
  return <EChart option={option} height={260} testSubj="insightsCountersChart" />;
};

/** Server-side usage counters, per domain per day, and each domain's biggest counters. */
export const CountersPanel: React.FunctionComponent<{ state: ApiState<UsageCountersResponse>; theme: ChartTheme }> = ({ state, theme }) => (
  <InsightsPanel
    title="Usage counters by domain"
    description="What plugins and core counted on the server, per day."
    state={state}
    isEmpty={(data) => data.domains.length === 0}
    emptyMessage="No usage counter was recorded in this period."
    testSubj="insightsCounters"
  >
    {(data) => (
      <>
        <CountersChart data={data} theme={theme} />
        <EuiSpacer size="m" />
        <EuiBasicTable<Domain> items={data.domains} columns={COLUMNS} tableCaption="Usage counters by domain" />
      </>
    )}
  </InsightsPanel>
);
