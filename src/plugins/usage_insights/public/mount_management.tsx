import React from 'react';
import ReactDOM from 'react-dom';
import type { CoreStart } from '../../../core/public';
import type { ManagementSectionMountParams } from '../../advanced_settings/public';
import { APP_ID } from '../common';
import { canSeeInsights } from './access';
import { ManagementEntry } from './components/management_entry';
import { NoAccessPrompt } from './components/no_access';

/**
 * The Management section: a description and the link to the app, or the reason. A module of its own, so
 * that opening the section loads neither the page nor ECharts (`mount.tsx`'s chunk).
 */
export function mountManagementEntry(core: CoreStart, { element, setBreadcrumbs }: ManagementSectionMountParams) {
  setBreadcrumbs([]);
  ReactDOM.render(
    <core.i18n.Context>
      {canSeeInsights(core.application.capabilities) ? <ManagementEntry appUrl={core.application.getUrlForApp(APP_ID)} /> : <NoAccessPrompt />}
    </core.i18n.Context>,
    element
  );
  return () => {
    ReactDOM.unmountComponentAtNode(element);
  };
}
