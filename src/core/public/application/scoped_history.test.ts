import { BasePath } from '../http/base_path';
import { ApplicationService } from './application_service';
import { createMemoryHistory } from './browser_history';

/** The Management app's real scoped history over an in-memory page history, under the base path `/osd`. */
function appHistory(initial = '/osd/app/management/opensearch-dashboards/users') {
  const page = createMemoryHistory(initial);
  const service = new ApplicationService({ basePath: new BasePath('/osd'), capabilities: { navLinks: {}, management: {}, catalogue: {} }, history: page, getDefaultRoute: () => '/app/home' });
  const app = { id: 'management', title: 'Management', mount: () => () => undefined };
  service.setup().register(app);
  service.start();
  return { page, history: service.createMountParams(app, {} as HTMLElement).history };
}

describe('ScopedHistory.createSubHistory', () => {
  it('reads and writes paths relative to the section, one page entry per push', () => {
    const { page, history } = appHistory();
    const section = history.createSubHistory('/opensearch-dashboards/users');
    expect(section.location.pathname).toBe('/');
    section.push('/edit/alice');
    expect(page.entries).toEqual(['/osd/app/management/opensearch-dashboards/users', '/osd/app/management/opensearch-dashboards/users/edit/alice']);
    expect(section.location.pathname).toBe('/edit/alice');
    section.replace({ pathname: '/', search: '?tab=keys' });
    expect(page.entries).toHaveLength(2);
    expect(page.entries[1]).toBe('/osd/app/management/opensearch-dashboards/users?tab=keys');
    expect(section.createHref('new')).toBe('/osd/app/management/opensearch-dashboards/users/new');
    expect(section.createHref({ pathname: '/' })).toBe('/osd/app/management/opensearch-dashboards/users');
  });

  it('tells its listeners about changes inside the section only', () => {
    const { history } = appHistory();
    const section = history.createSubHistory('/opensearch-dashboards/users');
    const seen: string[] = [];
    const stop = section.listen((location) => seen.push(location.pathname));
    section.push('/a');
    history.push('/opensearch-dashboards/settings');
    // A section whose id starts the same is another section.
    history.push('/opensearch-dashboards/users2');
    history.push('/opensearch-dashboards/users');
    stop();
    section.push('/b');
    expect(seen).toEqual(['/a', '/']);
  });
});
