import { SecurityValidationError, throwIfInvalid } from './errors';
import {
  normalizeRoles,
  validateApiKeyName,
  validatePassword,
  validateRoles,
  validateUsername,
} from './validation';

describe('validatePassword', () => {
  it('refuses fewer than 8 characters, naming the field', () => {
    expect(validatePassword('1234567')).toBe('[password]: must be at least 8 characters');
    expect(validatePassword('', 'OSD_ADMIN_PASSWORD')).toBe('[OSD_ADMIN_PASSWORD]: must be at least 8 characters');
    expect(validatePassword('12345678')).toBeUndefined();
  });

  it('counts code points, not UTF-16 units', () => {
    expect(validatePassword('😀😀😀😀')).toBe('[password]: must be at least 8 characters');
    expect(validatePassword('😀'.repeat(8))).toBeUndefined();
  });

  it('refuses non-strings and absurd lengths', () => {
    expect(validatePassword(12345678)).toBe('[password]: expected value of type [string] but got [number]');
    expect(validatePassword(undefined, 'new_password')).toBe(
      '[new_password]: expected value of type [string] but got [undefined]'
    );
    expect(validatePassword('x'.repeat(1025))).toBe('[password]: must be at most 1024 characters');
  });
});

describe('validateUsername', () => {
  it('accepts letters, digits and . _ @ -', () => {
    for (const name of ['admin', 'Alice', 'a', 'jane.doe@example.com', 'svc_monitor-2']) {
      expect(validateUsername(name)).toBeUndefined();
    }
  });

  it('refuses empty, long, colons, spaces and a leading symbol', () => {
    expect(validateUsername('')).toBe('[username]: must not be empty');
    expect(validateUsername('a'.repeat(65))).toBe('[username]: must be at most 64 characters');
    for (const name of ['a:b', 'a b', '.hidden', '-x', 'é', 'a/b', 'a\n']) {
      expect(validateUsername(name)).toBe(
        '[username]: must start with a letter or digit and contain only letters, digits and . _ @ -'
      );
    }
    expect(validateUsername(null)).toBe('[username]: expected value of type [string] but got [null]');
  });
});

describe('validateRoles', () => {
  it('accepts built-in roles, including none', () => {
    expect(validateRoles(['admin', 'viewer', 'monitoring'])).toBeUndefined();
    expect(validateRoles([])).toBeUndefined();
  });

  it('names the position of an unknown role and lists the known ones', () => {
    expect(validateRoles(['viewer', 'superuser'])).toBe(
      '[roles.1]: unknown role [superuser] (known roles: admin, viewer, monitoring)'
    );
    expect(validateRoles(['constructor'])).toMatch(/^\[roles\.0\]: unknown role \[constructor\]/);
    expect(validateRoles([3])).toBe('[roles.0]: expected value of type [string] but got [number]');
    expect(validateRoles('admin')).toBe('[roles]: expected value of type [Array] but got [string]');
    expect(validateRoles(new Array(17).fill('viewer'))).toBe('[roles]: must have at most 16 entries');
  });

  it('de-duplicates in a stable order', () => {
    expect(normalizeRoles(['viewer', 'admin', 'viewer'])).toEqual(['viewer', 'admin']);
  });
});

describe('validateApiKeyName', () => {
  it('needs a printable, non-blank name of at most 100 characters', () => {
    expect(validateApiKeyName('ci exporter')).toBeUndefined();
    expect(validateApiKeyName('  ')).toBe('[name]: must not be empty');
    expect(validateApiKeyName('x'.repeat(101))).toBe('[name]: must be at most 100 characters');
    expect(validateApiKeyName('a\u0007b')).toBe('[name]: must not contain control characters');
  });
});

describe('throwIfInvalid', () => {
  it('throws a 400 with the first message, and nothing when all pass', () => {
    expect(() => throwIfInvalid(undefined, validatePassword('short'), validateUsername(''))).toThrow(
      new SecurityValidationError('[password]: must be at least 8 characters')
    );
    expect(() => throwIfInvalid(undefined, undefined)).not.toThrow();
    try {
      throwIfInvalid('[x]: bad');
    } catch (error) {
      expect((error as SecurityValidationError).statusCode).toBe(400);
    }
  });
});
