import { authorizationHeader, CliError, describeRefusal, readCredentials, serverMessage } from './client';

describe('credentials', () => {
  it('prefers OSD_API_KEY, then OSD_USERNAME and OSD_PASSWORD, else none', () => {
    expect(readCredentials({ OSD_API_KEY: ' abc= ', OSD_USERNAME: 'u', OSD_PASSWORD: 'p' })).toEqual({ kind: 'apiKey', encoded: 'abc=' });
    expect(readCredentials({ OSD_USERNAME: 'u', OSD_PASSWORD: 'p:w' })).toEqual({ kind: 'basic', username: 'u', password: 'p:w' });
    expect(readCredentials({})).toEqual({ kind: 'none' });
    expect(() => readCredentials({ OSD_USERNAME: 'u' })).toThrow(new CliError('OSD_PASSWORD is not set: set both OSD_USERNAME and OSD_PASSWORD (or OSD_API_KEY)'));
    expect(() => readCredentials({ OSD_PASSWORD: 'p' })).toThrow(/^OSD_USERNAME is not set/);
  });

  it('turns them into the Authorization header', () => {
    expect(authorizationHeader({ kind: 'apiKey', encoded: 'abc=' })).toBe('ApiKey abc=');
    expect(authorizationHeader({ kind: 'basic', username: 'admin', password: 'pä:ss' })).toBe(`Basic ${Buffer.from('admin:pä:ss').toString('base64')}`);
    expect(authorizationHeader({ kind: 'none' })).toBeUndefined();
  });
});

describe('refusals', () => {
  it('says in one line what to do about 401 and 403', () => {
    expect(describeRefusal(401, '[security] missing credentials', { kind: 'none' })).toBe(
      '401 Unauthorized: no credentials. Set OSD_API_KEY (an encoded API key), or OSD_USERNAME and OSD_PASSWORD. ([security] missing credentials)'
    );
    expect(describeRefusal(401, '[security] invalid credentials', { kind: 'apiKey', encoded: 'x' })).toContain('refused the credentials from OSD_API_KEY');
    expect(describeRefusal(403, 'Forbidden: missing privilege [telemetry:reports]', { kind: 'basic', username: 'v', password: 'p' })).toBe(
      '403 Forbidden: missing privilege [telemetry:reports]. This needs the admin role.'
    );
    expect(describeRefusal(400, 'Telemetry is not opted in', { kind: 'none' })).toBe('400: Telemetry is not opted in');
  });

  it("reads the server's message from an error body", () => {
    expect(serverMessage('{"statusCode":404,"error":"Not Found","message":"Telemetry report [x] not found"}')).toBe('Telemetry report [x] not found');
    expect(serverMessage('<html>bad gateway</html>')).toBe('<html>bad gateway</html>');
  });
});
