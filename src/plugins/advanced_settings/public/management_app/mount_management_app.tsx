import React, { useEffect, useState } from 'react';
import ReactDOM from 'react-dom';
import { EuiPage, EuiPageBody, EuiPageContent, EuiPageSideBar, EuiSideNav, EuiEmptyPrompt } from '@opensearch-project/oui';
import type { AppMountParameters, CoreStart } from '../../../../core/public';
import { ComponentRegistry } from '../component_registry';
import { AdvancedSettings } from './advanced_settings';
import './advanced_settings.css';

/** The one section this app has; upstream's URL, which the telemetry notice links to. */
export const SETTINGS_PATH = '/opensearch-dashboards/settings';
export const MANAGEMENT_TITLE = 'Dashboards Management';

interface ManagementAppProps {
  core: CoreStart;
  params: AppMountParameters;
  componentRegistry: ComponentRegistry['start'];
}

const ManagementApp: React.FunctionComponent<ManagementAppProps> = ({ core, params, componentRegistry }) => {
  const { history } = params;
  const [pathname, setPathname] = useState(history.location.pathname);
  useEffect(() => history.listen((location) => setPathname(location.pathname)), [history]);

  const onSettings = pathname === SETTINGS_PATH || pathname.startsWith(`${SETTINGS_PATH}/`);
  useEffect(() => {
    // `/app/management` alone opens the settings, as there is no other section yet.
    if (pathname === '/' || pathname === '') history.replace(SETTINGS_PATH);
  }, [pathname, history]);
  useEffect(() => {
    core.chrome.setBreadcrumbs([
      {
        text: MANAGEMENT_TITLE,
        href: params.appBasePath,
        onClick: (event) => {
          event.preventDefault();
          history.push('/');
        },
      },
      ...(onSettings ? [{ text: 'Advanced settings' }] : []),
    ]);
    core.chrome.docTitle.change(onSettings ? ['Advanced settings', MANAGEMENT_TITLE] : [MANAGEMENT_TITLE]);
  }, [onSettings, core, history, params.appBasePath]);

  const capabilities = core.application.capabilities;
  const enableSaving = capabilities.advancedSettings?.save !== false;
  const sideNav = [
    {
      name: 'OpenSearch Dashboards',
      id: 'opensearchDashboards',
      items: [
        {
          name: 'Advanced settings',
          id: 'settings',
          isSelected: onSettings,
          href: history.createHref({ pathname: SETTINGS_PATH }),
          'data-test-subj': 'managementNavLink-settings',
          onClick: (event: React.MouseEvent) => {
            event.preventDefault();
            history.push(SETTINGS_PATH);
          },
        },
      ],
    },
  ];

  return (
    <EuiPage restrictWidth={false} data-test-subj="managementApp">
      <EuiPageSideBar className="mgtAdvancedSettings__sideBar">
        <EuiSideNav aria-label={MANAGEMENT_TITLE} items={sideNav as any} />
      </EuiPageSideBar>
      <EuiPageBody>
        <EuiPageContent>
          {onSettings ? (
            <AdvancedSettings
              enableSaving={enableSaving}
              uiSettings={core.uiSettings}
              toasts={core.notifications.toasts}
              dockLinks={core.docLinks.links}
              componentRegistry={componentRegistry}
            />
          ) : (
            <EuiEmptyPrompt iconType="managementApp" title={<h2>{MANAGEMENT_TITLE}</h2>} body={<p>Choose a section on the left.</p>} />
          )}
        </EuiPageContent>
      </EuiPageBody>
    </EuiPage>
  );
};

/** Renders the management app; returns its unmount. */
export function mountManagementApp(core: CoreStart, params: AppMountParameters, componentRegistry: ComponentRegistry['start']) {
  ReactDOM.render(
    <core.i18n.Context>
      <ManagementApp core={core} params={params} componentRegistry={componentRegistry} />
    </core.i18n.Context>,
    params.element
  );
  return () => {
    ReactDOM.unmountComponentAtNode(params.element);
  };
}
