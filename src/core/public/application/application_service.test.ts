import { BasePath } from '../http/base_path';
import { ApplicationService } from './application_service';
import { joinAppPath, parseAppPath } from './app_url';
import { createMemoryHistory } from './browser_history';

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
});
