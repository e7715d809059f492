import React, { useMemo, useState } from 'react';
import ReactDOM from 'react-dom';
import { EuiButton, EuiCallOut, EuiFlexGroup, EuiFlexItem, EuiPage, EuiPageBody, EuiPageContent, EuiSpacer, EuiText, EuiTitle } from '@opensearch-project/oui';
import type { AppMountParameters, CoreStart } from '../../../../src/core/public';
import { toMountPoint, useObservable } from '../../../../src/core/public';
import type { UsageCollectionSetup } from '../../../../src/plugins/usage_collection/public';
import type { BrowserTestRecord } from './plugin';

interface Props {
  variant: 'A' | 'B';
  core: CoreStart;
  params: AppMountParameters;
  record: BrowserTestRecord;
  usageCollection?: UsageCollectionSetup;
}

const TestApp: React.FunctionComponent<Props> = ({ variant, core, params, record, usageCollection }) => {
  const pageSize$ = useMemo(() => core.uiSettings.get$<number>('browserTest:pageSize'), [core]);
  const pageSize = useObservable(pageSize$, core.uiSettings.get<number>('browserTest:pageSize'));
  const [path, setPath] = useState(params.history.location.pathname);
  const [serverResult, setServerResult] = useState('');
  const [bannerId, setBannerId] = useState<string>();
  React.useEffect(() => params.history.listen((location) => setPath(location.pathname)), [params.history]);

  const button = (subj: string, label: string, onClick: () => void) => (
    <EuiFlexItem grow={false}>
      <EuiButton size="s" data-test-subj={subj} onClick={onClick}>
        {label}
      </EuiButton>
    </EuiFlexItem>
  );

  return (
    <EuiPage>
      <EuiPageBody component="div">
        <EuiPageContent role={null}>
          <EuiTitle>
            <h1 data-test-subj="btTitle">{`Browser test app ${variant}`}</h1>
          </EuiTitle>
          <EuiSpacer />
          <EuiText size="s">
            <p data-test-subj="btConfig">{JSON.stringify(record.config)}</p>
            <p data-test-subj="btDeps">{`${record.setupDeps.join(',')}|${record.startDeps.join(',')}`}</p>
            <p data-test-subj="btPageSize">{String(pageSize)}</p>
            <p data-test-subj="btPath">{path}</p>
            <p data-test-subj="btServerResult">{serverResult}</p>
            <p>
              <a data-test-subj="btLinkToOther" href={core.application.getUrlForApp(variant === 'A' ? 'browserTestB' : 'browserTestA')}>
                {`Plain link to app ${variant === 'A' ? 'B' : 'A'}`}
              </a>
            </p>
          </EuiText>
          <EuiSpacer />
          <EuiFlexGroup wrap gutterSize="s">
            {button('btShowBanner', 'Show banner', () =>
              setBannerId(
                core.overlays.banners.add(
                  toMountPoint(
                    <EuiCallOut title="Browser test banner" iconType="iInCircle" data-test-subj="btBanner">
                      <p>Shown by the browser test plugin.</p>
                    </EuiCallOut>
                  ),
                  10000
                )
              )
            )}
            {button('btRemoveBanner', 'Remove banner', () => bannerId && core.overlays.banners.remove(bannerId))}
            {button('btShowToast', 'Show toast', () => core.notifications.toasts.addSuccess({ title: 'Browser test toast', 'data-test-subj': 'btToast' }))}
            {button('btOpenFlyout', 'Open flyout', () =>
              core.overlays.openFlyout(toMountPoint(<EuiText data-test-subj="btFlyoutBody"><p>Browser test flyout</p></EuiText>), {
                'data-test-subj': 'btFlyout',
              })
            )}
            {button('btCallServer', 'Call the server', () =>
              core.http
                .post('/api/browser_test/echo', { body: JSON.stringify({ message: 'ping' }) })
                .then((r) => setServerResult(`${r.echo}:${r.xsrf}`))
                .catch((e) => setServerResult(`error:${e.message}`))
            )}
            {button('btCallFailing', 'Call a failing route', () =>
              core.http.get('/api/browser_test/fail').catch((e) => setServerResult(`error:${e.message}`))
            )}
            {button('btReportUiMetric', 'Report a ui metric', () =>
              usageCollection?.reportUiStats('browserTest', usageCollection.METRIC_TYPE.CLICK, 'button_clicked')
            )}
            {button('btPushPath', 'Go to /inner', () => params.history.push('/inner'))}
            {button('btGoToOther', `Go to app ${variant === 'A' ? 'B' : 'A'}`, () =>
              core.application.navigateToApp(variant === 'A' ? 'browserTestB' : 'browserTestA')
            )}
          </EuiFlexGroup>
        </EuiPageContent>
      </EuiPageBody>
    </EuiPage>
  );
};

export function mountTestApp(
  variant: 'A' | 'B',
  core: CoreStart,
  params: AppMountParameters,
  record: BrowserTestRecord,
  usageCollection?: UsageCollectionSetup
) {
  ReactDOM.render(<TestApp variant={variant} core={core} params={params} record={record} usageCollection={usageCollection} />, params.element);
  return () => {
    ReactDOM.unmountComponentAtNode(params.element);
  };
}
