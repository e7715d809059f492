import React from 'react';
import ReactDOM from 'react-dom';
import type { AppMountParameters, CoreStart } from '../../../core/public';
import { APP_TITLE } from '../common';
import { canSeeInsights } from './access';
import { InsightsPage } from './components/insights_page';
import { NoAccessPrompt } from './components/no_access';

/**
 * The app: the page for those who hold `usage_insights:read`, the reason for everyone else. Loaded with
 * `import()` only when the app mounts: with ECharts it is the page bundle's biggest chunk.
 */
export function mountInsightsApp(core: CoreStart, { element, history }: AppMountParameters) {
  core.chrome.setBreadcrumbs([{ text: APP_TITLE }]);
  core.chrome.docTitle.change(APP_TITLE);
  const initialDays = Number(new URLSearchParams(history.location.search).get('days')) || undefined;
  // The chosen window goes into the URL (replacing the entry), so a reload or a shared link keeps it.
  const onDaysChange = (days: number) => history.replace({ pathname: history.location.pathname, search: `?days=${days}` });
  ReactDOM.render(
    <core.i18n.Context>
      {canSeeInsights(core.application.capabilities) ? (
        <InsightsPage http={core.http} darkMode={core.uiSettings.get<boolean>('theme:darkMode') === true} initialDays={initialDays} onDaysChange={onDaysChange} />
      ) : (
        <NoAccessPrompt />
      )}
    </core.i18n.Context>,
    element
  );
  return () => {
    ReactDOM.unmountComponentAtNode(element);
  };
}
