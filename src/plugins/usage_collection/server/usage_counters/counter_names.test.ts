import { counterNameProblem, counterTypeProblem, domainIdProblem, incrementByProblem, usageCounterId, utcDay, utcDayBefore } from './counter_names';

describe('usage counter names', () => {
  it('bounds names, refuses control characters, and ":" in the domain and the type only', () => {
    expect(domainIdProblem('core')).toBeUndefined();
    expect(domainIdProblem('a:b')).toBe('must not contain ":"');
    expect(counterNameProblem('a:b')).toBeUndefined();
    expect(counterTypeProblem('a:b')).toBe('must not contain ":"');
    expect(counterNameProblem('😀'.repeat(256))).toBeUndefined();
    expect(counterNameProblem('😀'.repeat(257))).toBe('must be at most 256 characters');
    expect(counterTypeProblem('\u007f')).toBe('must not contain control characters');
    expect(domainIdProblem(null)).toBe('must be a string, got null');
  });

  it('takes increments from 0 to Number.MAX_SAFE_INTEGER', () => {
    expect(incrementByProblem(0)).toBeUndefined();
    expect(incrementByProblem(Number.MAX_SAFE_INTEGER)).toBeUndefined();
    expect(incrementByProblem(-1)).toBe('must not be negative, got -1');
    expect(incrementByProblem(NaN)).toBe('must be a safe integer, got NaN');
    expect(incrementByProblem('1')).toBe('must be a safe integer, got 1');
  });

  it('names a daily object by domain, name, type and UTC day', () => {
    expect(usageCounterId({ domainId: 'core', counterName: 'savedObjects.get', counterType: 'count', date: '2026-12-05' })).toBe('core:savedObjects.get:count:2026-12-05');
    // The UTC day, whatever the local time zone.
    expect(utcDay(new Date('2026-12-05T23:30:00-05:00'))).toBe('2026-12-06');
    expect(utcDayBefore(new Date('2026-01-01T05:00:00Z'), 1)).toBe('2025-12-31');
  });
});
