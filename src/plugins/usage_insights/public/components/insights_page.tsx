import React, { useMemo, useState } from 'react';
import {
  EuiButtonGroup,
  EuiFlexGroup,
  EuiFlexItem,
  EuiPage,
  EuiPageBody,
  EuiPageHeader,
  EuiPageHeaderSection,
  EuiSpacer,
  EuiText,
  EuiTitle,
  euiPaletteColorBlind,
} from '@opensearch-project/oui';
import type { HttpStart } from '../../../../core/public';
import {
  API_BASE,
  DAY_CHOICES,
  DEFAULT_DAYS,
  DEFAULT_UI_EVENTS,
  type ApplicationsResponse,
  type CollectorsResponse,
  type ReportsResponse,
  type UiEventsResponse,
  type UsageCountersResponse,
} from '../../common';
import { chartTheme } from '../chart_theme';
import { ApplicationsPanel } from './applications_panel';
import { CollectorsPanel } from './collectors_panel';
import { CountersPanel } from './counters_panel';
import { ReportsPanel } from './reports_panel';
import { UiEventsPanel } from './ui_events_panel';
import { useApi } from './use_api';

export interface InsightsPageProps {
  http: HttpStart;
  darkMode: boolean;
  /** The window to start with (from the URL); one of DAY_CHOICES. */
  initialDays?: number;
  onDaysChange?(days: number): void;
}

const RANGE_OPTIONS = DAY_CHOICES.map((days) => ({ id: `days-${days}`, label: `Last ${days} days`, 'data-test-subj': `insightsRange-${days}` }));

/** The page: a date-range control, then each chart and table with its own loading, error and empty state. */
export const InsightsPage: React.FunctionComponent<InsightsPageProps> = ({ http, darkMode, initialDays, onDaysChange }) => {
  const [days, setDays] = useState<number>(DAY_CHOICES.includes(initialDays as never) ? initialDays! : DEFAULT_DAYS);
  const theme = useMemo(() => chartTheme(darkMode, euiPaletteColorBlind()), [darkMode]);
  const applications = useApi<ApplicationsResponse>(http, `${API_BASE}/applications`, { days });
  const counters = useApi<UsageCountersResponse>(http, `${API_BASE}/usage_counters`, { days });
  const uiEvents = useApi<UiEventsResponse>(http, `${API_BASE}/ui_events`, { limit: DEFAULT_UI_EVENTS });
  const reports = useApi<ReportsResponse>(http, `${API_BASE}/reports`);
  const collectors = useApi<CollectorsResponse>(http, `${API_BASE}/collectors`);

  const changeDays = (id: string) => {
    const next = Number(id.slice('days-'.length));
    setDays(next);
    onDaysChange?.(next);
  };

  return (
    <EuiPage data-test-subj="usageInsightsApp">
      <EuiPageBody component="div">
        <EuiPageHeader>
          <EuiPageHeaderSection>
            <EuiTitle size="l">
              <h1>Usage insights</h1>
            </EuiTitle>
            <EuiText color="subdued" size="s">
              <p>What this deployment has collected about its own use. Everything on this page stays here: none of it is sent anywhere.</p>
            </EuiText>
          </EuiPageHeaderSection>
          <EuiPageHeaderSection>
            <EuiButtonGroup
              legend="Date range"
              options={RANGE_OPTIONS}
              idSelected={`days-${days}`}
              onChange={changeDays}
              buttonSize="compressed"
              data-test-subj="insightsDateRange"
            />
          </EuiPageHeaderSection>
        </EuiPageHeader>
        <ApplicationsPanel state={applications} theme={theme} />
        <EuiSpacer size="l" />
        <EuiFlexGroup wrap>
          <EuiFlexItem style={{ minWidth: 480 }}>
            <UiEventsPanel state={uiEvents} />
          </EuiFlexItem>
          <EuiFlexItem style={{ minWidth: 480 }}>
            <CountersPanel state={counters} theme={theme} />
          </EuiFlexItem>
        </EuiFlexGroup>
        <EuiSpacer size="l" />
        <ReportsPanel state={reports} theme={theme} />
        <EuiSpacer size="l" />
        <CollectorsPanel state={collectors} />
      </EuiPageBody>
    </EuiPage>
  );
};
