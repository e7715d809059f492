import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import ReactDOM from 'react-dom';
import { EuiPage, EuiPageBody, EuiPageContent, EuiPageSideBar, EuiSideNav, EuiEmptyPrompt } from '@opensearch-project/oui';
import type { AppMountParameters, ChromeBreadcrumb, CoreStart } from '../../../../core/public';
import { ComponentRegistry } from '../component_registry';
import type { ManagementSection } from '../management_sections/types';
import { AdvancedSettings } from './advanced_settings';
import { SectionOutlet } from './section_outlet';
import { buildSideNav, resolveRoute, SETTINGS_PATH } from './side_nav';
import './advanced_settings.css';

export { SETTINGS_PATH };
export const MANAGEMENT_TITLE = 'Dashboards Management';

/** What the page asks before leaving Advanced settings with unsaved edits. */
export const UNSAVED_CHANGES_TITLE = 'Leave with unsaved changes?';
export const UNSAVED_CHANGES_TEXT = 'Your changes in Advanced settings are not saved. If you leave now, they are lost.';

interface ManagementAppProps {
  core: CoreStart;
  params: AppMountParameters;
  componentRegistry: ComponentRegistry['start'];
  sections: readonly ManagementSection[];
}

const ManagementApp: React.FunctionComponent<ManagementAppProps> = ({ core, params, componentRegistry, sections }) => {
  const { history } = params;
  const [pathname, setPathname] = useState(history.location.pathname);
  useEffect(() => history.listen((location) => setPathname(location.pathname)), [history]);

  const route = useMemo(() => resolveRoute(pathname, sections), [pathname, sections]);

  // Unsaved edits make leaving (another section, another app, closing the tab) ask first. Read through a
  // ref: core calls the handler at navigation time, long after this render.
  const unsavedCount = useRef(0);
  const onUnsavedChangesCount = useCallback((count: number) => (unsavedCount.current = count), []);
  useEffect(() => {
    params.onAppLeave((actions) =>
      unsavedCount.current > 0 ? actions.confirm(UNSAVED_CHANGES_TEXT, UNSAVED_CHANGES_TITLE, undefined, 'Leave without saving') : actions.default()
    );
  }, [params]);
  useEffect(() => {
    // `/app/management` alone opens the settings, the one section every install has.
    if (pathname === '/' || pathname === '') history.replace(SETTINGS_PATH);
  }, [pathname, history]);

  /**
   * "Dashboards Management" › `crumbs`; stable, as a section's outlet re-mounts when it changes. Crumbs are
   * plain links: core's link interceptor navigates in the page (see `buildSideNav`).
   */
  const setBreadcrumbs = useCallback(
    (crumbs: ChromeBreadcrumb[]) => core.chrome.setBreadcrumbs([{ text: MANAGEMENT_TITLE, href: params.appBasePath }, ...crumbs]),
    [core, params.appBasePath]
  );

  const sectionTitle = route.kind === 'section' ? route.section.title : route.kind === 'settings' ? 'Advanced settings' : undefined;
  useEffect(() => {
    // A section's crumbs are its outlet's business (it may add its own); the rest are set here.
    if (route.kind !== 'section') setBreadcrumbs(route.kind === 'settings' ? [{ text: 'Advanced settings' }] : []);
    core.chrome.docTitle.change(sectionTitle ? [sectionTitle, MANAGEMENT_TITLE] : [MANAGEMENT_TITLE]);
  }, [route.kind, sectionTitle, core, setBreadcrumbs]);

  const capabilities = core.application.capabilities;
  const enableSaving = capabilities.advancedSettings?.save !== false;
  const sideNav = buildSideNav({ sections, capabilities, route, history });

  return (
    <EuiPage restrictWidth={false} data-test-subj="managementApp">
      <EuiPageSideBar className="mgtAdvancedSettings__sideBar">
        <EuiSideNav aria-label={MANAGEMENT_TITLE} items={sideNav} />
      </EuiPageSideBar>
      {/* Neither body nor content is a landmark: the page's one `main` is core's app container. */}
      <EuiPageBody component="div">
        <EuiPageContent role={null}>
          {route.kind === 'settings' && (
            <AdvancedSettings
              enableSaving={enableSaving}
              uiSettings={core.uiSettings}
              toasts={core.notifications.toasts}
              dockLinks={core.docLinks.links}
              componentRegistry={componentRegistry}
              onUnsavedChangesCount={onUnsavedChangesCount}
            />
          )}
          {route.kind === 'section' && (
            <SectionOutlet
              key={route.section.id}
              section={route.section}
              appHistory={history}
              appBasePath={params.appBasePath}
              setBreadcrumbs={setBreadcrumbs}
            />
          )}
          {route.kind === 'landing' && (
            <EuiEmptyPrompt iconType="managementApp" title={<h2>{MANAGEMENT_TITLE}</h2>} body={<p>Choose a section on the left.</p>} />
          )}
        </EuiPageContent>
      </EuiPageBody>
    </EuiPage>
  );
};

/** Renders the management app; returns its unmount. */
export function mountManagementApp(
  core: CoreStart,
  params: AppMountParameters,
  componentRegistry: ComponentRegistry['start'],
  sections: readonly ManagementSection[]
) {
  ReactDOM.render(
    <core.i18n.Context>
      <ManagementApp core={core} params={params} componentRegistry={componentRegistry} sections={sections} />
    </core.i18n.Context>,
    params.element
  );
  return () => {
    ReactDOM.unmountComponentAtNode(params.element);
  };
}
