import { HttpFetchError } from '../../../../core/public';
import { INVALID_CREDENTIALS_TEXT, loginErrorMessage, retryAfterSeconds } from './login_messages';

const failure = (status: number, headers: Record<string, string> = {}, message = 'server message') =>
  new HttpFetchError(message, { url: '/api/security/login', method: 'POST' }, new Response(null, { status, headers }));

describe('login messages', () => {
  it('says the same for a wrong password, an unknown user and a refused username', () => {
    expect(loginErrorMessage(failure(401))).toBe('Invalid username or password');
    expect(loginErrorMessage(failure(400, {}, '[request body.username]: must start with a letter or digit'))).toBe(INVALID_CREDENTIALS_TEXT);
  });

  it('tells how long to wait when throttled', () => {
    expect(loginErrorMessage(failure(429, { 'retry-after': '42' }))).toBe('Too many failed attempts. Try again in 42 seconds.');
    expect(loginErrorMessage(failure(429, { 'retry-after': '1' }))).toBe('Too many failed attempts. Try again in 1 second.');
    expect(loginErrorMessage(failure(429))).toBe('Too many failed attempts. Try again later.');
  });

  it('reports other failures with what is known', () => {
    expect(loginErrorMessage(failure(503, {}, '[security] not started yet'))).toBe('Could not log in (status 503): [security] not started yet');
    expect(loginErrorMessage(new HttpFetchError('Failed to fetch', { url: '/x', method: 'POST' }))).toBe(
      'Could not reach OpenSearch Dashboards: Failed to fetch'
    );
  });

  it('reads Retry-After as whole seconds only', () => {
    expect(retryAfterSeconds('30')).toBe(30);
    expect(retryAfterSeconds(' 7 ')).toBe(7);
    expect(retryAfterSeconds('0')).toBeUndefined();
    expect(retryAfterSeconds('-3')).toBeUndefined();
    expect(retryAfterSeconds('1.5')).toBeUndefined();
    expect(retryAfterSeconds('Wed, 21 Oct 2015 07:28:00 GMT')).toBeUndefined();
    expect(retryAfterSeconds(null)).toBeUndefined();
  });
});
