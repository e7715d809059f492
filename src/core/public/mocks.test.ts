import { coreMock, scopedHistoryMock, uiSettingsServiceMock } from './mocks';

describe('browser core mocks', () => {
  it('give working defaults and the start services', async () => {
    const setup = coreMock.createSetup({ pluginStartDeps: { a: 1 }, pluginStartContract: 'own' });
    const [coreStart, deps, own] = await setup.getStartServices();
    expect(deps).toEqual({ a: 1 });
    expect(own).toBe('own');
    expect(coreStart.http.basePath.prepend('/x')).toBe('/x');
    expect(coreStart.notifications.toasts.addSuccess('ok')).toMatchObject({ title: 'ok' });
    expect(coreStart.overlays.banners.add(() => () => undefined, 10000)).toBe('banner-0');
    expect(coreStart.application.getUrlForApp('management', { path: '/opensearch-dashboards/settings' })).toBe(
      '/app/management/opensearch-dashboards/settings'
    );
    const uiSettings = uiSettingsServiceMock.createStartContract({ 'telemetry:optIn': true });
    expect(uiSettings.get('telemetry:optIn')).toBe(true);
    expect(uiSettings.get('other', 'fallback')).toBe('fallback');
    expect(coreMock.createPluginInitializerContext({ banner: true }).config.get()).toEqual({ banner: true });
  });
});

describe('browser core mocks, with options', () => {
  it('share one http client between setup and start, with anonymous paths matched without the base path', async () => {
    const setup = coreMock.createSetup({ basePath: '/osd', uiSettings: { 'theme:darkMode': true } });
    setup.http.anonymousPaths.register('/Login/');
    const [coreStart] = await setup.getStartServices();
    expect(coreStart.http).toBe(setup.http);
    expect(['/osd/login', '/osd/login?next=x', '/login', '/osd/app/home'].map((p) => coreStart.http.anonymousPaths.isAnonymous(p))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(coreStart.http.basePath.prepend('/app/home')).toBe('/osd/app/home');
    expect(coreStart.injectedMetadata.getBasePath()).toBe('/osd');
    expect(setup.uiSettings.get('theme:darkMode')).toBe(true);
    expect(coreMock.createStart().http.anonymousPaths.isAnonymous('/login')).toBe(false);
  });

  it('give a real scoped history over an in-memory page history', () => {
    const history = scopedHistoryMock.create({ appRoute: '/app/management', pathname: '/app/management/opensearch-dashboards/settings', basePath: '/osd' });
    expect(history.location.pathname).toBe('/opensearch-dashboards/settings');
    const seen: string[] = [];
    const stop = history.listen((location) => seen.push(location.pathname));
    history.push('/opensearch-dashboards/users');
    history.replace('/opensearch-dashboards/users?x=1');
    stop();
    history.push('/other');
    expect(seen).toEqual(['/opensearch-dashboards/users', '/opensearch-dashboards/users']);
    expect(history.entries.map((e) => `${e.pathname}${e.search}`)).toEqual([
      '/app/management/opensearch-dashboards/settings',
      '/app/management/opensearch-dashboards/users?x=1',
      '/app/management/other',
    ]);
    expect(history.createHref('/x')).toBe('/osd/app/management/x');
  });
});
