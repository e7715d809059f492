import { HttpFetchError } from '../../../core/public';
import { coreMock, httpServiceMock, scopedHistoryMock } from '../../../core/public/mocks';
import { advancedSettingsMock } from '../../advanced_settings/public/mocks';
import { logout } from './nav_control/logout';
import { LOGIN_APP_ID, SecurityPublicPlugin } from './plugin';
import type { BrowserLocation } from './types';

// The menu's React half is the browser tests' business; here only what is mounted, and for whom.
const userMenuMount = jest.fn(() => () => undefined);
jest.mock('./nav_control/mount_user_menu', () => ({ createUserMenuMount: jest.fn(() => userMenuMount) }));
const { createUserMenuMount } = jest.requireMock('./nav_control/mount_user_menu');
// Likewise the management page: here only that the section is registered, and mounts lazily.
const sectionUnmount = jest.fn();
jest.mock('./management/mount_users_management', () => ({ mountUsersManagement: jest.fn(() => sectionUnmount) }));
const { mountUsersManagement } = jest.requireMock('./management/mount_users_management');

const admin = { username: 'admin', roles: ['admin'], authenticationType: 'session' };

function createPlugin(config: Record<string, unknown>, pathname = '/osd/app/home') {
  const location: jest.Mocked<BrowserLocation> = {
    pathname: jest.fn(() => pathname),
    origin: jest.fn(() => 'http://localhost:5601'),
    assign: jest.fn(),
  };
  const plugin = new SecurityPublicPlugin(coreMock.createPluginInitializerContext(config), location);
  // One HTTP client (and so one anonymous-path registry) in setup and start, under /osd, as in the browser.
  const coreSetup = coreMock.createSetup({ basePath: '/osd' });
  const coreStart = coreMock.createStart({ basePath: '/osd', http: coreSetup.http });
  return { plugin, coreSetup, coreStart, location };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('SecurityPublicPlugin', () => {
  beforeEach(() => jest.clearAllMocks());

  it('does nothing at all when the server runs without security', async () => {
    for (const config of [{ enabled: false }, {}]) {
      const { plugin, coreSetup, coreStart } = createPlugin(config);
      expect(plugin.setup(coreSetup)).toEqual({ enabled: false });
      expect(coreSetup.application.register).not.toHaveBeenCalled();
      expect(coreSetup.http.anonymousPaths.register).not.toHaveBeenCalled();
      const start = plugin.start(coreStart);
      expect(start.enabled).toBe(false);
      expect(await start.getCurrentUser()).toBeUndefined();
      expect(coreStart.http.get).not.toHaveBeenCalled();
      expect(coreStart.chrome.navControls.registerRight).not.toHaveBeenCalled();
    }
  });

  it('adds no Management section with security off, nor without Management', () => {
    const advancedSettings = advancedSettingsMock.createSetupContract();
    const off = createPlugin({ enabled: false });
    off.plugin.setup(off.coreSetup, { advancedSettings });
    expect(advancedSettings.management.registerSection).not.toHaveBeenCalled();
    const alone = createPlugin({ enabled: true });
    expect(alone.plugin.setup(alone.coreSetup, {})).toEqual({ enabled: true });
  });

  it('registers Management → "Users and API keys", which mounts the page with the start services', async () => {
    const advancedSettings = advancedSettingsMock.createSetupContract();
    const { plugin, coreSetup } = createPlugin({ enabled: true });
    plugin.setup(coreSetup, { advancedSettings });
    expect(advancedSettings.management.registerSection).toHaveBeenCalledTimes(1);
    const [section] = (advancedSettings.management.registerSection as jest.Mock).mock.calls[0];
    expect(section).toEqual({ id: 'users', title: 'Users and API keys', order: 500, mount: expect.any(Function) });
    expect(mountUsersManagement).not.toHaveBeenCalled();
    const params = { element: {} as HTMLElement, history: scopedHistoryMock.create({ appRoute: '/app/management/opensearch-dashboards/users' }), basePath: '/app/management/opensearch-dashboards/users', setBreadcrumbs: jest.fn() };
    expect(await section.mount(params)).toBe(sectionUnmount);
    const [coreStart] = await coreSetup.getStartServices();
    expect(mountUsersManagement).toHaveBeenCalledWith(coreStart, params);
  });

  it('registers the chromeless login app at /login, an anonymous path', () => {
    const { plugin, coreSetup } = createPlugin({ enabled: true });
    expect(plugin.setup(coreSetup)).toEqual({ enabled: true });
    expect(coreSetup.application.register).toHaveBeenCalledWith(
      expect.objectContaining({ id: LOGIN_APP_ID, appRoute: '/login', chromeless: true, navLinkStatus: 'hidden' })
    );
    expect(coreSetup.http.anonymousPaths.register).toHaveBeenCalledWith('/login');
  });

  it('reads the user once and puts the user menu into the header', async () => {
    const { plugin, coreSetup, coreStart, location } = createPlugin({ enabled: true });
    (coreStart.http.get as jest.Mock).mockResolvedValue(admin);
    plugin.setup(coreSetup);
    const start = plugin.start(coreStart);
    expect(await start.getCurrentUser()).toEqual(admin);
    expect(await start.getCurrentUser()).toEqual(admin);
    expect(coreStart.http.get).toHaveBeenCalledTimes(1);
    expect(coreStart.http.get).toHaveBeenCalledWith('/api/security/me');
    expect(createUserMenuMount).toHaveBeenCalledWith(admin, coreStart.http, location);
    expect(coreStart.chrome.navControls.registerRight).toHaveBeenCalledWith({ order: 2000, mount: userMenuMount });
  });

  it('asks nothing on the login page, and shows no menu when the user cannot be read', async () => {
    const onLogin = createPlugin({ enabled: true }, '/osd/login');
    onLogin.plugin.setup(onLogin.coreSetup);
    expect(await onLogin.plugin.start(onLogin.coreStart).getCurrentUser()).toBeUndefined();
    expect(onLogin.coreStart.http.get).not.toHaveBeenCalled();

    const failing = createPlugin({ enabled: true });
    (failing.coreStart.http.get as jest.Mock).mockRejectedValue(new HttpFetchError('Unauthorized', { url: '/api/security/me', method: 'GET' }));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    failing.plugin.setup(failing.coreSetup);
    expect(await failing.plugin.start(failing.coreStart).getCurrentUser()).toBeUndefined();
    await flush();
    expect(failing.coreStart.chrome.navControls.registerRight).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith('security: could not read the current user: Unauthorized');
    warn.mockRestore();
  });
});

describe('logout', () => {
  it('ends the session, then loads the login page under the base path, even when the call fails', async () => {
    const location = { assign: jest.fn() };
    const post = jest.fn().mockResolvedValueOnce({ logged_out: true }).mockRejectedValueOnce(new Error('gone'));
    const http = { ...httpServiceMock.createStartContract('/osd'), post };
    await logout(http, location);
    expect(post).toHaveBeenCalledWith('/api/security/logout');
    expect(location.assign).toHaveBeenLastCalledWith('/osd/login?msg=LOGGED_OUT');
    await logout(http, location);
    expect(location.assign).toHaveBeenCalledTimes(2);
    // Never before the server answered: the cookie must be dead when the login page loads.
    const order: string[] = [];
    let answer: () => void = () => undefined;
    const slow = httpServiceMock.createStartContract('');
    slow.post.mockImplementation(() => new Promise<void>((r) => (answer = r)).then(() => order.push('answered')));
    const done = logout(slow, { assign: () => order.push('assigned') });
    await flush();
    expect(order).toEqual([]);
    answer();
    await done;
    expect(order).toEqual(['answered', 'assigned']);
  });
});
