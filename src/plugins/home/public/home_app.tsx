import React, { useMemo } from 'react';
import ReactDOM from 'react-dom';
import {
  EuiCard,
  EuiFlexGrid,
  EuiFlexItem,
  EuiIcon,
  EuiPage,
  EuiPageBody,
  EuiPageContent,
  EuiPageHeader,
  EuiPageHeaderSection,
  EuiSpacer,
  EuiText,
  EuiTitle,
  EuiHorizontalRule,
} from '@opensearch-project/oui';
import type { AppMountParameters, CoreStart, PublicAppInfo } from '../../../core/public';
import { useObservable } from '../../../core/public';

const SETTINGS_PATH = '/opensearch-dashboards/settings';

/**
 * The home page. Its cards are plain links: core's link interceptor navigates in the page with one history
 * entry (an `onClick` that navigated too would add a second).
 */
const Home: React.FunctionComponent<{ core: CoreStart }> = ({ core }) => {
  const apps$ = useMemo(() => core.application.applications$, [core]);
  const apps = useObservable<ReadonlyMap<string, PublicAppInfo>>(apps$, new Map());
  const shown = [...apps.values()].filter((app) => app.id !== 'home' && app.navLinkStatus !== 'hidden');
  const hasManagement = apps.has('management');
  const version = core.injectedMetadata.getOpenSearchDashboardsVersion();

  return (
    <EuiPage restrictWidth="1200px" data-test-subj="homeApp">
      {/* Neither body nor content is a landmark: the page's one `main` is core's app container. */}
      <EuiPageBody component="div">
        <EuiPageHeader>
          <EuiPageHeaderSection>
            <EuiTitle size="l">
              <h1>Welcome to OpenSearch Dashboards</h1>
            </EuiTitle>
            <EuiText color="subdued" size="s">
              <p>{`Version ${version}`}</p>
            </EuiText>
          </EuiPageHeaderSection>
        </EuiPageHeader>
        <EuiPageContent role={null}>
          <EuiTitle size="s">
            <h2>Applications</h2>
          </EuiTitle>
          <EuiSpacer size="m" />
          {shown.length === 0 ? (
            <EuiText color="subdued" data-test-subj="homeNoApps">
              <p>No other application is installed.</p>
            </EuiText>
          ) : (
            <EuiFlexGrid columns={3} gutterSize="l" data-test-subj="homeAppList">
              {shown.map((app) => (
                <EuiFlexItem key={app.id}>
                  <EuiCard
                    layout="horizontal"
                    icon={<EuiIcon type={app.euiIconType ?? 'apps'} size="xl" />}
                    title={app.title}
                    description={app.description ?? ''}
                    href={core.application.getUrlForApp(app.id)}
                    data-test-subj={`homeAppCard-${app.id}`}
                  />
                </EuiFlexItem>
              ))}
            </EuiFlexGrid>
          )}
          {hasManagement && (
            <>
              <EuiHorizontalRule />
              <EuiTitle size="s">
                <h2>Manage</h2>
              </EuiTitle>
              <EuiSpacer size="m" />
              <EuiFlexGrid columns={3} gutterSize="l">
                <EuiFlexItem>
                  <EuiCard
                    layout="horizontal"
                    icon={<EuiIcon type="advancedSettingsApp" size="xl" />}
                    title="Advanced settings"
                    description="Change how OpenSearch Dashboards behaves, including whether usage data is collected."
                    href={core.application.getUrlForApp('management', { path: SETTINGS_PATH })}
                    data-test-subj="homeAdvancedSettingsLink"
                  />
                </EuiFlexItem>
              </EuiFlexGrid>
            </>
          )}
        </EuiPageContent>
      </EuiPageBody>
    </EuiPage>
  );
};

/** Renders the home page; returns its unmount. */
export function mountHomeApp(core: CoreStart, params: AppMountParameters) {
  ReactDOM.render(<Home core={core} />, params.element);
  return () => {
    ReactDOM.unmountComponentAtNode(params.element);
  };
}
