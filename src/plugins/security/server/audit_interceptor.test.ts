import { auditActionsOf, outcomeOfStatus } from './audit_interceptor';
import { formatAuditEvent, routeAuditAction } from './audit';

describe('route audit tags', () => {
  it('takes each well-formed audit: action once, ignoring other tags and malformed actions', () => {
    expect(auditActionsOf(['access:ui_settings:write', 'audit:ui_settings_write', 'audit:ui_settings_write', 'audit:telemetry_opt_in'])).toEqual([
      'ui_settings_write',
      'telemetry_opt_in',
    ]);
    expect(auditActionsOf(['audit:', 'audit:Bad', 'audit:a b', 'audit:x"y', `audit:${'a'.repeat(65)}`])).toEqual([]);
    expect(routeAuditAction('telemetry_opt_in')).toBe('telemetry_opt_in');
    expect(routeAuditAction('-x')).toBeUndefined();
  });

  it('maps status codes to outcomes', () => {
    expect([200, 204, 302].map(outcomeOfStatus)).toEqual(['success', 'success', 'success']);
    expect([401, 403].map(outcomeOfStatus)).toEqual(['denied', 'denied']);
    expect([400, 404, 429, 500].map(outcomeOfStatus)).toEqual(['failure', 'failure', 'failure', 'failure']);
  });

  it('formats a route event as one line with the status code', () => {
    const action = routeAuditAction('telemetry_opt_in')!;
    expect(formatAuditEvent({ action, outcome: 'success', user: 'admin', statusCode: 200, method: 'post', path: '/api/telemetry/v2/optIn' })).toBe(
      '{"action":"telemetry_opt_in","outcome":"success","user":"admin","method":"post","path":"/api/telemetry/v2/optIn","statusCode":200}'
    );
  });
});
