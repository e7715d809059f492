import { decideAccess, forbiddenMessage, requiredPrivileges } from './access_rule';

const route = (tags: string[], authRequired: boolean | 'optional' = true) => ({ tags, authRequired });
const as = (...roles: string[]) => ({ authenticated: true, roles });
const anonymous = { authenticated: false };

describe('requiredPrivileges', () => {
  it('is apps:use for a route without access: tags, whatever its other tags', () => {
    expect(requiredPrivileges([])).toEqual(['apps:use']);
    expect(requiredPrivileges(['audit:ui_settings_write', 'api'])).toEqual(['apps:use']);
  });

  it('lists every access: privilege once, in tag order, and nothing for access:authenticated alone', () => {
    expect(requiredPrivileges(['access:stats:read', 'x', 'access:status:read_full', 'access:stats:read'])).toEqual(['stats:read', 'status:read_full']);
    expect(requiredPrivileges(['access:authenticated'])).toEqual([]);
    expect(requiredPrivileges(['access:authenticated', 'access:ui_settings:write'])).toEqual(['ui_settings:write']);
  });
});

describe('decideAccess', () => {
  it('lets viewers and admins use an untagged route, but not a monitoring user or a caller without roles', () => {
    expect(decideAccess(route([]), as('viewer'))).toEqual({ allowed: true, checked: ['apps:use'] });
    expect(decideAccess(route([]), as('admin')).allowed).toBe(true);
    expect(decideAccess(route([]), as('monitoring'))).toEqual({ allowed: false, missing: ['apps:use'] });
    expect(decideAccess(route([]), as())).toEqual({ allowed: false, missing: ['apps:use'] });
  });

  it('requires every listed privilege and names only the missing ones', () => {
    const statsAndWrite = route(['access:stats:read', 'access:ui_settings:write']);
    expect(decideAccess(statsAndWrite, as('monitoring'))).toEqual({ allowed: false, missing: ['ui_settings:write'] });
    expect(decideAccess(statsAndWrite, as('viewer'))).toEqual({ allowed: false, missing: ['stats:read', 'ui_settings:write'] });
    expect(decideAccess(statsAndWrite, as('viewer', 'monitoring'))).toEqual({ allowed: false, missing: ['ui_settings:write'] });
    expect(decideAccess(statsAndWrite, as('admin')).allowed).toBe(true);
    expect(decideAccess(route(['access:security:manage']), as('viewer', 'monitoring'))).toEqual({ allowed: false, missing: ['security:manage'] });
  });

  it('lets any authenticated caller use an access:authenticated route, even one without any privilege', () => {
    expect(decideAccess(route(['access:authenticated']), as('monitoring')).allowed).toBe(true);
    expect(decideAccess(route(['access:authenticated']), as()).allowed).toBe(true);
  });

  it('fails closed on a tag naming no known privilege, even for admins', () => {
    expect(decideAccess(route(['access:ui_settings:wirte']), as('admin'))).toEqual({ allowed: false, missing: ['ui_settings:wirte'] });
  });

  it('grants nothing for unknown role names', () => {
    expect(decideAccess(route([]), as('superuser', 'Admin'))).toEqual({ allowed: false, missing: ['apps:use'] });
  });

  it('lets anonymous callers through routes that allow them, and refuses them on routes that need a caller', () => {
    expect(decideAccess(route(['access:security:manage'], false), anonymous).allowed).toBe(true);
    expect(decideAccess(route([], 'optional'), anonymous).allowed).toBe(true);
    expect(decideAccess(route(['access:stats:read'], true), anonymous)).toEqual({ allowed: false, missing: ['stats:read'] });
  });

  it('checks an authenticated caller on optional routes too', () => {
    expect(decideAccess(route([], 'optional'), as('monitoring'))).toEqual({ allowed: false, missing: ['apps:use'] });
  });
});

describe('forbiddenMessage', () => {
  it('names the missing privileges', () => {
    expect(forbiddenMessage(['ui_settings:write'])).toBe('Forbidden: missing privilege [ui_settings:write]');
    expect(forbiddenMessage(['stats:read', 'apps:use'])).toBe('Forbidden: missing privileges [stats:read, apps:use]');
  });
});
