import { HttpFetchError } from '../../../../core/public';
import { httpServiceMock } from '../../../../core/public/mocks';
import { canManageSecurity } from './access';
import { describeExpiration, formatTime } from './format';
import { createSecurityManagementApi, errorMessage } from './security_api';

describe('createSecurityManagementApi', () => {
  it('calls the security routes with JSON bodies and unwraps the lists', async () => {
    const http = httpServiceMock.createStartContract();
    const api = createSecurityManagementApi(http);
    (http.get as jest.Mock).mockResolvedValueOnce({ users: [{ username: 'admin', roles: ['admin'] }] });
    expect(await api.listUsers()).toEqual([{ username: 'admin', roles: ['admin'] }]);
    (http.get as jest.Mock).mockResolvedValueOnce({ api_keys: [] });
    expect(await api.listApiKeys()).toEqual([]);
    expect(http.get).toHaveBeenCalledWith('/api/security/api_keys');

    await api.putUser('a.b@example.com', { password: 'password-1', roles: ['viewer'] });
    expect(http.put).toHaveBeenCalledWith('/api/security/users/a.b%40example.com', { body: '{"password":"password-1","roles":["viewer"]}' });
    await api.deleteUser('../keys');
    expect(http.delete).toHaveBeenCalledWith('/api/security/users/..%2Fkeys');
    await api.createApiKey({ name: 'ci', roles: ['monitoring'], expiration: '1d' });
    expect(http.post).toHaveBeenCalledWith('/api/security/api_keys', { body: '{"name":"ci","roles":["monitoring"],"expiration":"1d"}' });
    await api.revokeApiKey('AAAAAAAAAAAAAAAAAAAAAA');
    expect(http.delete).toHaveBeenLastCalledWith('/api/security/api_keys/AAAAAAAAAAAAAAAAAAAAAA');
  });
});

describe('errorMessage', () => {
  const failed = (message: string, status: number) =>
    new HttpFetchError(message, { url: '/api/security/users/x', method: 'PUT' }, { status } as Response, { message });

  it("shows the server's message, naming the field in words rather than the request path", () => {
    expect(errorMessage(failed('[request body.password]: must be at least 8 characters', 400))).toBe('Password: must be at least 8 characters');
    expect(errorMessage(failed('[request body.roles.0]: unknown role [boss] (known roles: admin, viewer, monitoring)', 400))).toBe(
      'Roles: unknown role [boss] (known roles: admin, viewer, monitoring)'
    );
    expect(errorMessage(failed('cannot delete user [admin]: it is the last user with the [admin] role', 409))).toBe(
      'cannot delete user [admin]: it is the last user with the [admin] role'
    );
    expect(errorMessage(new HttpFetchError('', { url: '/x', method: 'GET' }))).toBe('The request failed.');
    expect(errorMessage('plain')).toBe('plain');
  });
});

describe('canManageSecurity', () => {
  it('is true only when the server switched security.manage on', () => {
    const base = { navLinks: {}, management: {}, catalogue: {} };
    expect(canManageSecurity({ ...base, security: { manage: true } })).toBe(true);
    expect(canManageSecurity({ ...base, security: { manage: false } })).toBe(false);
    expect(canManageSecurity(base)).toBe(false);
  });
});

describe('format', () => {
  it("shows times in the page's date format (upstream's default without settings), and expirations in words", () => {
    const at = new Date(2025, 2, 1, 14, 5).getTime();
    expect(formatTime(at)).toBe('Mar 1, 2025 @ 14:05:00.000');
    expect(describeExpiration({ expiration: null, expired: false })).toBe('Never');
    expect(describeExpiration({ expiration: at, expired: false })).toBe('Mar 1, 2025 @ 14:05:00.000');
    expect(describeExpiration({ expiration: at, expired: true })).toBe('Expired Mar 1, 2025 @ 14:05:00.000');
  });
});
