import {
  PRIVILEGES,
  authorize,
  describeRoles,
  isPrivilege,
  isRoleName,
  privilegesOf,
  type Privilege,
} from './privileges';

describe('authorize', () => {
  it('gives admin every privilege', () => {
    for (const privilege of PRIVILEGES) expect(authorize(['admin'], privilege)).toEqual({ ok: true });
    expect(privilegesOf(['admin'])).toEqual(expect.arrayContaining(['saved_objects:read', 'saved_objects:write', 'telemetry:reports']));
    expect(authorize(['monitoring'], 'telemetry:reports')).toEqual({ ok: false, missing: ['telemetry:reports'] });
  });

  it('lets a viewer use the apps, read settings and saved objects, and send UI metrics only', () => {
    expect(privilegesOf(['viewer'])).toEqual(['apps:use', 'ui_settings:read', 'saved_objects:read', 'ui_metric:write']);
    expect(authorize(['viewer'], 'ui_settings:write')).toEqual({ ok: false, missing: ['ui_settings:write'] });
    expect(authorize(['viewer'], 'saved_objects:write')).toEqual({ ok: false, missing: ['saved_objects:write'] });
    expect(authorize(['viewer'], 'telemetry:opt_in')).toEqual({ ok: false, missing: ['telemetry:opt_in'] });
    expect(authorize(['viewer'], 'telemetry:read_report')).toEqual({ ok: false, missing: ['telemetry:read_report'] });
    expect(authorize(['viewer'], 'telemetry:reports')).toEqual({ ok: false, missing: ['telemetry:reports'] });
    expect(authorize(['viewer'], 'stats:read')).toEqual({ ok: false, missing: ['stats:read'] });
    expect(authorize(['viewer'], 'security:manage')).toEqual({ ok: false, missing: ['security:manage'] });
  });

  it('lets monitoring read stats and the full status, nothing else', () => {
    expect(privilegesOf(['monitoring'])).toEqual(['stats:read', 'status:read_full']);
    expect(authorize(['monitoring'], 'apps:use')).toEqual({ ok: false, missing: ['apps:use'] });
    expect(authorize(['monitoring'], ['saved_objects:read', 'saved_objects:write'])).toEqual({
      ok: false,
      missing: ['saved_objects:read', 'saved_objects:write'],
    });
  });

  it('unions the privileges of several roles', () => {
    expect(authorize(['viewer', 'monitoring'], ['apps:use', 'stats:read'])).toEqual({ ok: true });
    expect(privilegesOf(['monitoring', 'viewer'])).toHaveLength(6);
  });

  it('names every missing privilege once, in the order asked', () => {
    expect(authorize(['viewer'], ['security:manage', 'apps:use', 'stats:read', 'security:manage'])).toEqual({
      ok: false,
      missing: ['security:manage', 'stats:read'],
    });
  });

  it('grants nothing to no roles or unknown roles, including names of Object.prototype', () => {
    expect(privilegesOf([])).toEqual([]);
    expect(privilegesOf(['superuser', 'constructor', '__proto__', 'toString'])).toEqual([]);
    expect(authorize(['Admin'], 'apps:use')).toEqual({ ok: false, missing: ['apps:use'] });
  });
});

describe('names', () => {
  it('recognises role and privilege names exactly', () => {
    expect(isRoleName('viewer')).toBe(true);
    expect(isRoleName('hasOwnProperty')).toBe(false);
    expect(isRoleName(undefined)).toBe(false);
    expect(isPrivilege('stats:read')).toBe(true);
    expect(isPrivilege('stats:write')).toBe(false);
  });

  it('describes the three built-in roles, and the descriptions cannot widen a role', () => {
    const roles = describeRoles();
    expect(roles.map((r) => r.name)).toEqual(['admin', 'viewer', 'monitoring']);
    (roles[1].privileges as Privilege[]).push('security:manage');
    expect(authorize(['viewer'], 'security:manage').ok).toBe(false);
  });
});
