import { asRoleNames, validateApiKeyForm, validateExpiration, validatePassword, validateUserForm, validateUsername } from './form_validation';

describe('validateUserForm', () => {
  const valid = { username: 'alice', password: 'alice-password', roles: ['viewer'] };

  it('accepts a complete new user, and asks each mode only for what it sends', () => {
    expect(validateUserForm('create', valid)).toEqual({});
    expect(validateUserForm('roles', { ...valid, username: '', password: '' })).toEqual({});
    expect(validateUserForm('password', { ...valid, username: '', roles: ['nope'] })).toEqual({});
    // No roles is allowed: such a user can log in and do nothing, as the server permits.
    expect(validateUserForm('create', { ...valid, roles: [] })).toEqual({});
  });

  it('says what is wrong with each field, in words', () => {
    expect(validateUserForm('create', { username: '', password: 'short', roles: ['boss'] })).toEqual({
      username: 'Enter a username',
      password: 'Password must be at least 8 characters',
      roles: 'Unknown role "boss"; choose from admin, viewer, monitoring',
    });
    expect(validateUserForm('password', { ...valid, password: '1234567' })).toEqual({ password: 'Password must be at least 8 characters' });
  });

  it('refuses to create a user whose name is taken, since the route would overwrite them', () => {
    expect(validateUserForm('create', valid, ['admin', 'alice'])).toEqual({
      username: 'A user named alice already exists; change their roles or reset their password in the table',
    });
    expect(validateUserForm('create', valid, ['admin'])).toEqual({});
    expect(validateUserForm('roles', valid, ['alice'])).toEqual({});
  });

  it('follows the server rules for usernames and passwords', () => {
    expect(validateUsername('alice.b@example-1_x')).toBeUndefined();
    expect(validateUsername('.alice')).toBe('Username must start with a letter or digit and contain only letters, digits and . _ @ -');
    expect(validateUsername('a:b')).toBeDefined();
    expect(validateUsername('a'.repeat(65))).toBe('Username must be at most 64 characters');
    // Eight code points, even where JavaScript counts sixteen units.
    expect(validatePassword('😀'.repeat(8))).toBeUndefined();
    expect(validatePassword('😀'.repeat(7))).toBe('Password must be at least 8 characters');
    expect(validatePassword('x'.repeat(1025))).toBe('Password must be at most 1024 characters');
  });
});

describe('validateApiKeyForm', () => {
  it('needs a name, known roles and, when given, a duration the server takes', () => {
    expect(validateApiKeyForm({ name: 'ci', roles: ['monitoring'], expiration: '' })).toEqual({});
    expect(validateApiKeyForm({ name: ' ', roles: ['root'], expiration: '10s' })).toEqual({
      name: 'Enter a name',
      roles: 'Unknown role "root"; choose from admin, viewer, monitoring',
      expiration: 'Expiration must be a whole number followed by m, h or d, such as 30m, 12h or 90d',
    });
    expect(validateApiKeyForm({ name: 'a\u0007', roles: [], expiration: ' 1d ' })).toEqual({ name: 'Name must not contain control characters' });
    expect(validateApiKeyForm({ name: 'n'.repeat(101), roles: [], expiration: '' }).name).toBe('Name must be at most 100 characters');
  });

  it('accepts up to 3650 days in any unit', () => {
    expect(validateExpiration('30m')).toBeUndefined();
    expect(validateExpiration('3650d')).toBeUndefined();
    expect(validateExpiration(`${3650 * 24}h`)).toBeUndefined();
    expect(validateExpiration('3651d')).toBe('Expiration must be at most 3650d');
    expect(validateExpiration('0d')).toBeDefined();
    expect(validateExpiration('1.5d')).toBeDefined();
  });
});

describe('asRoleNames', () => {
  it('keeps the known roles only', () => {
    expect(asRoleNames(['viewer', 'boss', 'admin'])).toEqual(['viewer', 'admin']);
  });
});
