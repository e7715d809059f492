import { BasePath } from '../http/base_path';
import { ApplicationService } from './application_service';
import { joinAppPath, parseAppPath } from './app_url';
import { createMemoryHistory } from './browser_history';
import type { PublicAppInfo } from './types';

const capabilities = { navLinks: {}, management: {}, catalogue: {} };
const noopMount = () => () => undefined;

function createService(initial = '/osd/', basePath = '/osd') {
  const history = createMemoryHistory(initial);
  const service = new ApplicationService({ basePath: new BasePath(basePath), capabilities, history, getDefaultRoute: () => '/app/home' });
  const setup = service.setup();
  setup.register({ id: 'home', title: 'Home', mount: noopMount, order: 10 });
  setup.register({ id: 'management', title: 'Management', mount: noopMount, order: 5 });
  return { service, setup, history };
}

describe('app URLs', () => {
  it('parses the app id and the path inside it', () => {
    const routes = new Map([['management', '/app/management']]);
    expect(parseAppPath('/app/management/opensearch-dashboards/settings', routes)).toEqual({
      appId: 'management',
      path: '/opensearch-dashboards/settings',
    });
    expect(parseAppPath('/app/unknown', routes)).toEqual({ appId: 'unknown', path: '' });
    expect(parseAppPath('/api/status', routes)).toBeUndefined();
    expect(joinAppPath('/app/x', 'a/b')).toBe('/app/x/a/b');
    expect(joinAppPath('/app/x', '#/a')).toBe('/app/x#/a');
  });
});

describe('ApplicationService', () => {
  it('refuses duplicate ids and registration after start', () => {
    const { service, setup } = createService();
    expect(() => setup.register({ id: 'home', title: 'Again', mount: noopMount })).toThrow('already registered with the id "home"');
    service.start();
    expect(() => setup.register({ id: 'late', title: 'Late', mount: noopMount })).toThrow('after "setup"');
  });

  it('sends / to the default route and follows navigation in currentAppId$ and the URL', async () => {
    const { service, history } = createService();
    const start = service.start();
    const ids: Array<string | undefined> = [];
    start.currentAppId$.subscribe((id) => ids.push(id));
    expect(history.getLocation().pathname).toBe('/osd/app/home');

    await start.navigateToApp('management', { path: '/opensearch-dashboards/settings' });
    expect(history.getLocation().pathname).toBe('/osd/app/management/opensearch-dashboards/settings');
    await start.navigateToUrl('/osd/app/home#/x');
    expect(history.entries.slice(-1)[0]).toBe('/osd/app/home#/x');
    await start.navigateToApp('management', { replace: true });
    expect(ids).toEqual(['home', 'management', 'home', 'management']);
    expect(history.entries).toHaveLength(3);
  });

  it('loads URLs that belong to no app with a full page load', async () => {
    const { service, history } = createService();
    const start = service.start();
    await start.navigateToUrl('https://opensearch.org/');
    await start.navigateToUrl('/osd/api/status');
    expect(history.assigned).toEqual(['https://opensearch.org/', 'http://localhost:5601/osd/api/status']);
  });

  it('builds app URLs and lists apps by order', async () => {
    const { service } = createService();
    const start = service.start();
    expect(start.getUrlForApp('management', { path: '/x' })).toBe('/osd/app/management/x');
    expect(start.getUrlForApp('home', { absolute: true })).toBe('http://localhost:5601/osd/app/home');
    let ids: string[] = [];
    start.applications$.subscribe((apps) => (ids = [...apps.keys()]));
    expect(ids).toEqual(['management', 'home']);
  });

  it("gives each app a history scoped to its route", () => {
    const { service, history } = createService('/osd/app/management/a');
    service.start();
    const app = { id: 'management', title: 'M', mount: noopMount };
    const params = service.createMountParams(app, {} as HTMLElement);
    expect(params.appBasePath).toBe('/osd/app/management');
    expect(params.history.location.pathname).toBe('/a');
    const seen: string[] = [];
    const stop = params.history.listen((l) => seen.push(l.pathname));
    params.history.push('/opensearch-dashboards/settings');
    expect(history.getLocation().pathname).toBe('/osd/app/management/opensearch-dashboards/settings');
    expect(params.history.createHref({ pathname: '/b' })).toBe('/osd/app/management/b');
    stop();
    params.history.push('/c');
    expect(seen).toEqual(['/opensearch-dashboards/settings']);
  });

  it('routes an app with its own appRoute outside /app/, keeping the /app/<id> apps as they were', async () => {
    const history = createMemoryHistory('/osd/login?next=%2Fosd%2Fapp%2Fhome');
    const service = new ApplicationService({ basePath: new BasePath('/osd'), capabilities, history, getDefaultRoute: () => '/app/home' });
    const setup = service.setup();
    setup.register({ id: 'home', title: 'Home', mount: noopMount });
    setup.register({ id: 'security_login', title: 'Log in', appRoute: '/login', chromeless: true, navLinkStatus: 'hidden', mount: noopMount });
    const start = service.start();
    const ids: Array<string | undefined> = [];
    start.currentAppId$.subscribe((id) => ids.push(id));
    // The start page stays where it is (not sent to the default route) and names the login app.
    expect(history.getLocation()).toMatchObject({ pathname: '/osd/login', search: '?next=%2Fosd%2Fapp%2Fhome' });
    expect(ids).toEqual(['security_login']);
    expect(start.getUrlForApp('security_login')).toBe('/osd/login');
    let infos: PublicAppInfo[] = [];
    start.applications$.subscribe((apps) => (infos = [...apps.values()]));
    expect(infos.map((a) => [a.id, a.appRoute, a.chromeless])).toEqual([
      ['home', '/app/home', false],
      ['security_login', '/login', true],
    ]);
    const params = service.createMountParams({ id: 'security_login', title: 'Log in', appRoute: '/login', mount: noopMount }, {} as HTMLElement);
    expect(params.appBasePath).toBe('/osd/login');
    expect(params.history.location.pathname).toBe('/');

    await start.navigateToUrl('/osd/app/home');
    await start.navigateToUrl('/osd/login');
    expect(ids).toEqual(['security_login', 'home', 'security_login']);
    // A path that only starts with the route's text is not the app.
    await start.navigateToUrl('/osd/loginx');
    expect(history.assigned).toEqual(['http://localhost:5601/osd/loginx']);
  });

  it('refuses app routes that would clash with other apps or are not plain paths', () => {
    const { setup } = createService();
    const register = (id: string, appRoute: string) => () => setup.register({ id, title: id, appRoute, mount: noopMount });
    expect(register('a', 'login')).toThrow('"appRoute" must be a path such as "/login"');
    expect(register('a', '//evil.example')).toThrow('must be a path');
    expect(register('a', '/login?x=1')).toThrow('must be a path');
    expect(register('a', '/login/')).toThrow('cannot end with a "/"');
    expect(register('a', '/app/home')).toThrow('cannot be under "/app/" unless it is "/app/a"');
    expect(register('a', '/app')).toThrow('cannot be under "/app/"');
    expect(register('a', '/app/a')).not.toThrow();
    expect(register('b', '/login')).not.toThrow();
    expect(register('c', '/login')).toThrow('the route "/login" belongs to the application "b"');
  });
});
