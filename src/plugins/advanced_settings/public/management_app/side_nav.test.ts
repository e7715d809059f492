import { BasePath } from '../../../../core/public/http/base_path';
import { ApplicationService } from '../../../../core/public/application/application_service';
import { createMemoryHistory } from '../../../../core/public/application/browser_history';
import { interceptAppLinks } from '../../../../core/public/application/intercept_app_links';
import { ManagementSectionRegistry } from '../management_sections/section_registry';
import type { ManagementSectionSpec } from '../management_sections/types';
import { buildSideNav, isSectionVisible, resolveRoute, sectionPath, SETTINGS_PATH } from './side_nav';

const mount = () => () => undefined;

function sections(...specs: ManagementSectionSpec[]) {
  const registry = new ManagementSectionRegistry();
  const { registerSection } = registry.setup();
  specs.forEach(registerSection);
  return registry.start().getSections();
}

const registered = sections({ id: 'users', title: 'Users and API keys', mount }, { id: 'first', title: 'First', order: 10, mount });

function appHistory(initial: string) {
  const page = createMemoryHistory(initial);
  const service = new ApplicationService({ basePath: new BasePath(''), capabilities: { navLinks: {}, management: {}, catalogue: {} }, history: page, getDefaultRoute: () => '/app/home' });
  const app = { id: 'management', title: 'Management', mount };
  service.setup().register(app);
  const application = service.start();
  return { page, application, history: service.createMountParams(app, {} as HTMLElement).history };
}

describe('resolveRoute', () => {
  it('maps a pathname to the settings, a registered section or the landing page', () => {
    expect(resolveRoute(SETTINGS_PATH, registered)).toEqual({ kind: 'settings' });
    expect(resolveRoute(`${SETTINGS_PATH}/x`, registered)).toEqual({ kind: 'settings' });
    expect(resolveRoute('/opensearch-dashboards/users', registered)).toEqual({ kind: 'section', section: registered[1] });
    expect(resolveRoute('/opensearch-dashboards/users/edit/alice', registered)).toEqual({ kind: 'section', section: registered[1] });
    expect(resolveRoute('/opensearch-dashboards/users2', registered)).toEqual({ kind: 'landing' });
    expect(resolveRoute('/opensearch-dashboards', registered)).toEqual({ kind: 'landing' });
    expect(sectionPath('users')).toBe('/opensearch-dashboards/users');
  });
});

describe('buildSideNav', () => {
  it('lists Advanced settings first, then the sections in order, and marks the current one', () => {
    const { history } = appHistory('/app/management/opensearch-dashboards/users');
    const [group] = buildSideNav({ sections: registered, capabilities: { management: {} }, route: resolveRoute('/opensearch-dashboards/users', registered), history });
    expect(group.name).toBe('OpenSearch Dashboards');
    expect(group.items.map(({ id, name, isSelected, href }) => ({ id, name, isSelected, href }))).toEqual([
      { id: 'settings', name: 'Advanced settings', isSelected: false, href: '/app/management/opensearch-dashboards/settings' },
      { id: 'first', name: 'First', isSelected: false, href: '/app/management/opensearch-dashboards/first' },
      { id: 'users', name: 'Users and API keys', isSelected: true, href: '/app/management/opensearch-dashboards/users' },
    ]);
    expect(group.items.map((i) => i['data-test-subj'])).toEqual(['managementNavLink-settings', 'managementNavLink-first', 'managementNavLink-users']);
  });

  it("leaves a click to core's link interceptor, which adds exactly one history entry", () => {
    const { page, history, application } = appHistory('/app/management/opensearch-dashboards/settings');
    const replace = jest.spyOn(page, 'replace');
    const [group] = buildSideNav({ sections: registered, capabilities: { management: {} }, route: { kind: 'settings' }, history });
    const users = group.items.find((i) => i.id === 'users')!;
    // No handler of its own: React 16 would run it after the interceptor, and push a second time.
    expect(users).not.toHaveProperty('onClick');

    // A left click on the rendered `<a href>`, as the interceptor on document.body sees it.
    const location = new URL('http://localhost:5601/app/management/opensearch-dashboards/settings');
    (global as any).window = { location };
    try {
      let listener: (event: any) => void = () => undefined;
      interceptAppLinks({ addEventListener: (_type: string, l: any) => (listener = l) } as any, application, () => true);
      const anchor = { href: new URL(users.href, location).href, target: '', hasAttribute: () => false };
      const event = { defaultPrevented: false, button: 0, target: { closest: () => anchor }, preventDefault: jest.fn() };
      listener(event);
      expect(event.preventDefault).toHaveBeenCalledTimes(1);
    } finally {
      delete (global as any).window;
    }
    expect(page.entries).toEqual(['/app/management/opensearch-dashboards/settings', '/app/management/opensearch-dashboards/users']);
    expect(replace).not.toHaveBeenCalled();
  });

  it('hides a section whose management capability is off, and only that one', () => {
    const { history } = appHistory('/app/management');
    const capabilities = { management: { opensearchDashboards: { users: false, settings: true } } };
    expect(isSectionVisible(capabilities, 'users')).toBe(false);
    expect(isSectionVisible(capabilities, 'first')).toBe(true);
    expect(isSectionVisible({ management: {} }, 'users')).toBe(true);
    const [group] = buildSideNav({ sections: registered, capabilities, route: { kind: 'landing' }, history });
    expect(group.items.map((i) => i.id)).toEqual(['settings', 'first']);
  });
});
