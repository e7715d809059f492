import { parseAuthorization, parseCredentials, readCookieValues } from './credentials';
import { randomToken } from './tokens';

const basic = (userPass: string) => `Basic ${Buffer.from(userPass, 'utf8').toString('base64')}`;

describe('parseCredentials: Authorization', () => {
  it('reads Basic credentials as curl -u sends them, password colons included', () => {
    expect(parseCredentials({ authorization: basic('alice:pa:ss word') })).toEqual({
      type: 'basic',
      username: 'alice',
      password: 'pa:ss word',
    });
    expect(parseCredentials({ authorization: 'basic YWxpY2U6c2VjcmV0' })).toMatchObject({ type: 'basic', password: 'secret' });
    expect(parseCredentials({ authorization: basic('bob:pässwörd') })).toMatchObject({ password: 'pässwörd' });
    // Padded (as curl sends) or not.
    expect(basic('alice:secre')).toBe('Basic YWxpY2U6c2VjcmU=');
    expect(parseCredentials({ authorization: 'Basic YWxpY2U6c2VjcmU' })).toMatchObject({ password: 'secre' });
  });

  it('explains bad Basic credentials precisely', () => {
    const reason = (authorization: string) => (parseCredentials({ authorization }) as { reason?: string }).reason;
    expect(reason('Basic')).toBe('Basic authorization without credentials');
    expect(reason('Basic !!!')).toBe('Basic credentials are not valid base64 of UTF-8 text');
    expect(reason(`Basic ${Buffer.from([0x61, 0x3a, 0xff, 0xfe]).toString('base64')}`)).toBe(
      'Basic credentials are not valid base64 of UTF-8 text'
    );
    expect(reason('Basic YWJj')).toBe('Basic credentials must be username:password');
    expect(reason(basic(':secret'))).toBe('Basic credentials carry an invalid username');
    expect(reason(basic('a b:secret'))).toBe('Basic credentials carry an invalid username');
    expect(reason(basic('alice:'))).toBe('Basic credentials carry an empty password');
    expect(reason('Basic YWJ=')).toBe('Basic credentials are not valid base64 of UTF-8 text'); // non-canonical bits
    expect(reason(`Basic ${'A'.repeat(5000)}`)).toBe('Authorization header too long');
  });

  it('reads ApiKey credentials', () => {
    const encoded = Buffer.from('key-id:the-secret').toString('base64');
    expect(parseCredentials({ authorization: `ApiKey ${encoded}` })).toEqual({ type: 'apiKey', id: 'key-id', key: 'the-secret' });
    expect(parseCredentials({ authorization: `apikey ${encoded}` })).toMatchObject({ type: 'apiKey' });
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    for (const bad of ['ApiKey bm9jb2xvbg==', `ApiKey ${b64(':x')}`, `ApiKey ${b64('x:')}`]) {
      expect(parseCredentials({ authorization: bad })).toEqual({
        type: 'invalid',
        reason: 'ApiKey credentials must be base64 of id:api_key',
      });
    }
  });

  it('refuses other schemes, malformed and repeated headers', () => {
    expect(parseAuthorization('Bearer abc')).toEqual({ type: 'invalid', reason: 'unsupported authorization scheme [Bearer]' });
    expect(parseAuthorization('Basic a b')).toEqual({ type: 'invalid', reason: 'malformed Authorization header' });
    expect(parseAuthorization('=Basic x')).toEqual({ type: 'invalid', reason: 'malformed Authorization header' });
    expect(parseCredentials({ authorization: [basic('a:b'), basic('c:d')] })).toEqual({
      type: 'invalid',
      reason: 'more than one Authorization header',
    });
  });

  it('prefers the Authorization header to the cookie, even a bad one', () => {
    const cookie = `osd_sid=${randomToken()}`;
    expect(parseCredentials({ authorization: basic('alice:secret1'), cookie })).toMatchObject({ type: 'basic' });
    expect(parseCredentials({ authorization: 'Bearer x', cookie })).toMatchObject({ type: 'invalid' });
    expect(parseCredentials({ authorization: '  ', cookie })).toMatchObject({ type: 'session' });
  });
});

describe('parseCredentials: cookie', () => {
  const sid = randomToken();

  it('finds the session cookie among others', () => {
    expect(parseCredentials({ cookie: `a=1; osd_sid=${sid}; b=2` })).toEqual({ type: 'session', sid });
    expect(parseCredentials({ cookie: `osd_sid="${sid}"` })).toEqual({ type: 'session', sid });
    expect(parseCredentials({ cookie: ['a=1', `osd_sid=${sid}`] })).toEqual({ type: 'session', sid });
  });

  it('is none without credentials or with a cleared cookie', () => {
    expect(parseCredentials({})).toEqual({ type: 'none' });
    expect(parseCredentials({ cookie: 'x_osd_sid=abc; osd_sid_old=def' })).toEqual({ type: 'none' });
    expect(parseCredentials({ cookie: 'osd_sid=; other=1' })).toEqual({ type: 'none' });
  });

  it('refuses a malformed session id', () => {
    for (const value of ['abc', `${sid}x`, `${sid.slice(0, 42)}%`, '%E0%A4%A']) {
      expect(parseCredentials({ cookie: `osd_sid=${value}` })).toEqual({ type: 'invalid', reason: 'malformed session cookie' });
    }
  });

  it('uses the first non-empty of several session cookies', () => {
    const other = randomToken();
    expect(parseCredentials({ cookie: `osd_sid=; osd_sid=${sid}; osd_sid=${other}` })).toEqual({ type: 'session', sid });
  });

  it('reads cookie values without special names misbehaving', () => {
    expect(readCookieValues('__proto__=x; constructor=y; a=b=c', '__proto__')).toEqual(['x']);
    expect(readCookieValues('a=b=c', 'a')).toEqual(['b=c']);
    expect(readCookieValues(undefined, 'a')).toEqual([]);
    expect(readCookieValues('novalue; a', 'a')).toEqual([]);
  });
});
