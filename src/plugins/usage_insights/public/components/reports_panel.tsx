import React, { useMemo } from 'react';
import type { ReportsResponse } from '../../common';
import { reportsOption } from '../chart_options';
import type { ChartTheme } from '../chart_theme';
import { EChart } from './echart';
import { InsightsPanel } from './panel';
import type { ApiState } from './use_api';

const ReportsChart: React.FunctionComponent<{ data: ReportsResponse; theme: ChartTheme }> = ({ data, theme }) => {
  const option = useMemo(() => reportsOption(data, theme), [data, theme]);
  return <EChart option={option} height={260} testSubj="insightsReportsChart" />;
};

/** The ledger's reports on a time line: size per report, coloured by whether it was sent. */
export const ReportsPanel: React.FunctionComponent<{ state: ApiState<ReportsResponse>; theme: ChartTheme }> = ({ state, theme }) => (
  <InsightsPanel
    title="Telemetry reports"
    description="Each report this deployment generated: its size and whether it was sent, failed or only kept."
    state={state}
    isEmpty={(data) => data.reports.length === 0}
    emptyMessage={
      state.status === 'ok' && !state.data.available
        ? 'The report ledger is not available (the telemetry plugin is disabled).'
        : 'No report has been generated yet.'
    }
    testSubj="insightsReports"
  >
    {(data) => <ReportsChart data={data} theme={theme} />}
  </InsightsPanel>
);
