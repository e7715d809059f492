import React, { useMemo } from 'react';
import { EuiFlexGrid, EuiFlexItem, EuiText } from '@opensearch-project/oui';
import type { ApplicationsResponse } from '../../common';
import { applicationsOption, type AppMetric } from '../chart_options';
import type { ChartTheme } from '../chart_theme';
import { EChart } from './echart';
import { InsightsPanel } from './panel';
import type { ApiState } from './use_api';

const AppChart: React.FunctionComponent<{ data: ApplicationsResponse; metric: AppMetric; theme: ChartTheme; title: string; testSubj: string }> = ({
  data,
  metric,
  theme,
  title,
  testSubj,
}) => {
  const option = useMemo(() => applicationsOption(data, metric, theme), [data, metric, theme]);
  return (
    <>
      <EuiText size="s">
        <h3>{title}</h3>
      </EuiText>
      <EChart option={option} height={300} testSubj={testSubj} />
    </>
  );
};

/** Minutes on screen and clicks per application per day, side by side. */
export const ApplicationsPanel: React.FunctionComponent<{ state: ApiState<ApplicationsResponse>; theme: ChartTheme }> = ({ state, theme }) => (
  <InsightsPanel
    title="Applications"
    description="Minutes on screen and clicks per application per day (UTC days)."
    state={state}
    isEmpty={(data) => data.apps.length === 0}
    emptyMessage="No application usage was recorded in this period."
    testSubj="insightsApplications"
  >
    {(data) => (
      <EuiFlexGrid columns={2}>
        <EuiFlexItem>
          <AppChart data={data} metric="minutesOnScreen" theme={theme} title="Minutes on screen" testSubj="insightsMinutesChart" />
        </EuiFlexItem>
        <EuiFlexItem>
          <AppChart data={data} metric="numberOfClicks" theme={theme} title="Clicks" testSubj="insightsClicksChart" />
        </EuiFlexItem>
      </EuiFlexGrid>
    )}
  </InsightsPanel>
);
