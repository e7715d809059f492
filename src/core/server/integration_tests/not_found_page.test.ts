/*
 * The answer to an address nothing serves, on the real server with security on: a browser's page address gets
 * the HTML "Page not found" page (404, the page headers and policy of every other page), without a detour to
 * the login page since the page shows nothing of anyone's; APIs and JSON clients keep the JSON 404.
 */
import { ADMIN_AUTH_HEADERS, api, startOsdServer, OsdServer } from '../../../../test/harness/osd_server';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const JSON_404 = { statusCode: 404, error: 'Not Found', message: 'Not Found' };
const RULES = ["script-src 'unsafe-eval' 'self'", "worker-src blob: 'self'", "style-src 'unsafe-inline' 'self'", "img-src 'self' data:"];

describe('unknown addresses on the real server', () => {
  let server: OsdServer;
  beforeAll(async () => {
    server = await startOsdServer({ yaml: `csp.rules:\n${RULES.map((r) => `  - "${r}"`).join('\n')}\n` });
  });
  afterAll(async () => {
    await server.stop();
    server.cleanup();
  });

  it.each([
    ['an anonymous browser', { accept: BROWSER_ACCEPT }],
    ['a signed-in browser', { accept: BROWSER_ACCEPT, ...ADMIN_AUTH_HEADERS }],
    ['a client with no Accept preference', {}],
  ])('gives %s the HTML page for /nope and /foo/bar: 404, text/html, the configured CSP', async (_who, headers) => {
    for (const path of ['/nope', '/foo/bar?x=1']) {
      const res = await fetch(`${server.url}${path}`, { headers, redirect: 'manual' });
      expect([path, res.status, res.headers.get('content-type')]).toEqual([path, 404, 'text/html; charset=utf-8']);
      expect(res.headers.get('content-security-policy')).toBe(RULES.join('; '));
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const html = await res.text();
      expect(html).toContain('<h1>Page not found</h1>');
      expect(html).toContain('href="/"');
    }
  });

  it('keeps the JSON 404 for APIs, internal and bundle paths, whoever asks', async () => {
    for (const path of ['/api/nope', '/api/telemetry/v2/nope', '/internal/nope', '/ui/bundles/nope/x.js']) {
      for (const auth of [{}, ADMIN_AUTH_HEADERS]) {
        const res = await fetch(`${server.url}${path}`, { headers: { accept: BROWSER_ACCEPT, ...auth } });
        expect([path, res.status, res.headers.get('content-type')]).toEqual([path, 404, expect.stringContaining('application/json')]);
        expect(res.headers.get('content-security-policy')).toBeNull();
        expect(await res.json()).toEqual(JSON_404);
      }
    }
  });

  it('answers JSON to a client that asks for JSON, and to other methods', async () => {
    for (const accept of ['application/json', 'application/json, text/plain, */*']) {
      const res = await api(`${server.url}/nope`, 'GET', undefined, { accept });
      expect([accept, res.status, res.headers.get('content-type')]).toEqual([accept, 404, expect.stringContaining('application/json')]);
      expect(res.body).toEqual(JSON_404);
    }
    const posted = await api(`${server.url}/nope`, 'POST', {});
    expect([posted.status, posted.body]).toEqual([404, JSON_404]);
  });

  it('leaves /app/<unknown> to the app shell (the login page first for an anonymous visitor)', async () => {
    const anonymous = await fetch(`${server.url}/app/nope`, { headers: { accept: BROWSER_ACCEPT }, redirect: 'manual' });
    expect([anonymous.status, anonymous.headers.get('location')]).toEqual([302, `/login?next=${encodeURIComponent('/app/nope')}`]);
    const signedIn = await fetch(`${server.url}/app/nope`, { headers: { accept: BROWSER_ACCEPT, ...ADMIN_AUTH_HEADERS } });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.text()).not.toContain('Page not found');
  });
});

describe('unknown addresses under server.basePath', () => {
  it('links the page home under the base path', async () => {
    const server = await startOsdServer({ args: ['--server.basePath=/osd'] });
    try {
      const res = await fetch(`${server.url}/osd/nope`, { headers: { accept: BROWSER_ACCEPT } });
      expect([res.status, res.headers.get('content-type')]).toEqual([404, 'text/html; charset=utf-8']);
      const html = await res.text();
      expect(html).toContain('href="/osd/"');
      expect(html).toContain('href="/osd/ui/favicon.svg"');
      expect((await api(`${server.url}/osd/api/nope`)).body).toEqual(JSON_404);
    } finally {
      await server.stop();
      server.cleanup();
    }
  });
});
