import { prefersJson, wantsNotFoundPage } from './not_found';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

describe('wantsNotFoundPage', () => {
  const get = (pathname: string, accept?: string) => wantsNotFoundPage({ method: 'GET', pathname, accept });

  it('is for a GET (or HEAD) of a page address', () => {
    expect(['/nope', '/foo/bar', '/app2', '/apis', '/uix', '/'].map((p) => get(p, BROWSER_ACCEPT))).toEqual([true, true, true, true, true, true]);
    expect(wantsNotFoundPage({ method: 'HEAD', pathname: '/nope' })).toBe(true);
  });

  it('leaves API, internal and static paths, and other methods, to the JSON 404', () => {
    expect(['/api', '/api/nope', '/internal/x', '/ui/bundles/abc/x.js', '/bundles/z'].map((p) => get(p, BROWSER_ACCEPT))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'].map((method) => wantsNotFoundPage({ method, pathname: '/nope' }))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('gives clients that ask for JSON the JSON', () => {
    expect(get('/nope', 'application/json')).toBe(false);
    expect(get('/nope', 'application/json, text/plain, */*')).toBe(false);
    expect(get('/nope', undefined)).toBe(true);
    expect(get('/nope', '*/*')).toBe(true);
    expect(wantsNotFoundPage({ method: 'GET', pathname: '/nope', accept: ['text/html', 'application/json;q=0.5'] })).toBe(true);
  });
});

describe('prefersJson', () => {
  it('compares qualities, then how explicitly each type is named', () => {
    expect(prefersJson('text/html;q=0.5, application/json')).toBe(true);
    expect(prefersJson('text/html, application/json;q=0.9')).toBe(false);
    expect(prefersJson('text/*, application/json')).toBe(true);
    expect(prefersJson('application/*, text/html')).toBe(false);
    expect(prefersJson('application/json;q=0')).toBe(false);
    expect(prefersJson('application/json, text/html;q=0')).toBe(true);
    expect(prefersJson(BROWSER_ACCEPT)).toBe(false);
    expect(prefersJson('image/*')).toBe(false);
    expect(prefersJson('application/json;q=abc, text/html;q=0.1')).toBe(false);
  });

  it('reads only the start of an oversized header', () => {
    expect(prefersJson(`${'x/y, '.repeat(1000)}application/json`)).toBe(false);
  });
});
