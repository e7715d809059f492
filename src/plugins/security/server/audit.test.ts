import { loggingSystemMock } from '../../../core/server/mocks';
import { createAuditLogger, formatAuditEvent, type AuditEvent } from './audit';

describe('audit', () => {
  it('formats one JSON line with the known fields in a fixed order', () => {
    expect(
      formatAuditEvent({ user: 'alice', outcome: 'success', action: 'login', authType: 'basic', ip: '10.0.0.1' })
    ).toBe('{"action":"login","outcome":"success","user":"alice","authType":"basic","ip":"10.0.0.1"}');
    expect(
      formatAuditEvent({
        action: 'authorize',
        outcome: 'denied',
        user: 'v',
        missing: ['stats:read'],
        method: 'GET',
        path: '/api/stats',
      })
    ).toBe(
      '{"action":"authorize","outcome":"denied","user":"v","missing":["stats:read"],"method":"GET","path":"/api/stats"}'
    );
  });

  it('keeps each event on one line and bounds long values', () => {
    const line = formatAuditEvent({ action: 'login', outcome: 'failure', user: 'a\nforged', reason: 'x'.repeat(1000) });
    expect(line).not.toContain('\n');
    expect(JSON.parse(line).user).toBe('a\nforged');
    expect(JSON.parse(line).reason).toHaveLength(257);
  });

  it('cannot print a secret even when one is forced in', () => {
    const forced = { action: 'login', outcome: 'failure', user: 'alice', password: 'hunter22', sid: 'abc', extra: 1 };
    const line = formatAuditEvent(forced as unknown as AuditEvent);
    expect(line).toBe('{"action":"login","outcome":"failure","user":"alice"}');
    // And the type refuses it outright:
    // @ts-expect-error password is not an audit field
    formatAuditEvent({ action: 'login', outcome: 'failure', password: 'hunter22' });
  });

  it('writes events as info lines on the given logger', () => {
    const logger = loggingSystemMock.createLogger();
    const audit = createAuditLogger(logger);
    audit.log({ action: 'api_key_revoke', outcome: 'success', user: 'admin', apiKeyId: 'k1' });
    expect(loggingSystemMock.lines(logger)).toEqual(['info {"action":"api_key_revoke","outcome":"success","user":"admin","apiKeyId":"k1"}']);
  });
});
