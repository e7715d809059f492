import { coreMock, uiSettingsServiceMock } from './mocks';

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
