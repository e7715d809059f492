import { parseCredentials } from './credentials';
import { serializeClearedSessionCookie, serializeSessionCookie } from './session_cookie';
import { randomToken } from './tokens';

describe('session cookie', () => {
  const sid = randomToken();

  it('is HttpOnly, SameSite=Lax, at the root path by default', () => {
    expect(serializeSessionCookie(sid, { secure: false })).toBe(`osd_sid=${sid}; HttpOnly; SameSite=Lax; Path=/`);
    expect(serializeSessionCookie(sid, { secure: false, basePath: '' })).toContain('Path=/');
  });

  it('uses the base path, Secure over TLS and an optional Max-Age', () => {
    expect(serializeSessionCookie(sid, { secure: true, basePath: '/osd', maxAgeSeconds: 3600 })).toBe(
      `osd_sid=${sid}; HttpOnly; SameSite=Lax; Path=/osd; Secure; Max-Age=3600`
    );
  });

  it('round-trips through the parser', () => {
    const cookie = serializeSessionCookie(sid, { secure: false }).split(';')[0];
    expect(parseCredentials({ cookie: `theme=dark; ${cookie}` })).toEqual({ type: 'session', sid });
  });

  it('clears with the same path and flags, expired', () => {
    expect(serializeClearedSessionCookie({ secure: true, basePath: '/osd' })).toBe(
      'osd_sid=; HttpOnly; SameSite=Lax; Path=/osd; Secure; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT'
    );
    expect(parseCredentials({ cookie: 'osd_sid=' })).toEqual({ type: 'none' });
  });

  it('refuses anything that could inject attributes', () => {
    expect(() => serializeSessionCookie('abc; Domain=evil', { secure: false })).toThrow('malformed session id');
    expect(() => serializeSessionCookie(sid, { secure: false, basePath: '/a; Domain=evil' })).toThrow('invalid cookie path');
    expect(() => serializeSessionCookie(sid, { secure: false, basePath: 'osd' })).toThrow('invalid cookie path');
    expect(() => serializeClearedSessionCookie({ secure: false, basePath: '/a\r\nX: y' })).toThrow('invalid cookie path');
    expect(() => serializeSessionCookie(sid, { secure: false, cookieName: 'a=b' })).toThrow('invalid cookie name');
    expect(() => serializeSessionCookie(sid, { secure: false, maxAgeSeconds: 0 })).toThrow('maxAgeSeconds');
  });
});
