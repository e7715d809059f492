import { securityCapabilitiesSwitcher } from './capabilities_switcher';

const current = { navLinks: { home: true, management: true }, catalogue: { advanced_settings: true }, management: {} };

describe('securityCapabilitiesSwitcher', () => {
  it('leaves everything on for an admin', () => {
    expect(securityCapabilitiesSwitcher({ roles: ['admin'] }, current)).toEqual({
      advancedSettings: { show: true, save: true },
      management: { opensearchDashboards: { settings: true, users: true, usage_insights: true } },
      savedObjectsManagement: { edit: true, delete: true },
      security: { manage: true },
      telemetry: { optIn: true, readReport: true, readReports: true },
      usageInsights: { show: true },
    });
  });

  it('lets a viewer see the settings but not save them, nor manage users', () => {
    expect(securityCapabilitiesSwitcher({ roles: ['viewer'] }, current)).toEqual({
      advancedSettings: { show: true, save: false },
      management: { opensearchDashboards: { settings: true, users: false, usage_insights: false } },
      savedObjectsManagement: { edit: false, delete: false },
      security: { manage: false },
      telemetry: { optIn: false, readReport: false, readReports: false },
      usageInsights: { show: false },
    });
  });

  it('turns every app off for a caller without apps:use (monitoring, anonymous)', () => {
    const off = {
      advancedSettings: { show: false, save: false },
      management: { opensearchDashboards: { settings: false, users: false, usage_insights: false } },
      savedObjectsManagement: { edit: false, delete: false },
      security: { manage: false },
      telemetry: { optIn: false, readReport: false, readReports: false },
      usageInsights: { show: false },
      navLinks: { home: false, management: false },
      catalogue: { advanced_settings: false },
    };
    expect(securityCapabilitiesSwitcher({ roles: ['monitoring'] }, current)).toEqual(off);
    expect(securityCapabilitiesSwitcher(undefined, current)).toEqual(off);
    // Without the current set there is nothing to list under navLinks.
    expect(securityCapabilitiesSwitcher({ roles: ['monitoring'] })).not.toHaveProperty('navLinks');
  });
});
