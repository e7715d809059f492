import { CspConfig } from '../csp/csp_config';
import { HttpService } from './http_service';
import type { HttpConfig } from './http_config';
import { testHttpConfig } from './test_utils';

const errors: string[] = [];
const log: any = { trace() {}, debug() {}, info() {}, warn() {}, error: (m: string) => errors.push(m), fatal() {}, get: () => log };
const PAGE = '<!DOCTYPE html><html><body><main>Page not found</main></body></html>';

async function start(renderer: (() => string) | undefined, config: Partial<HttpConfig> = {}) {
  const csp = new CspConfig({ rules: ["default-src 'self'"] });
  const service = new HttpService({ ...testHttpConfig, ...config }, log, csp);
  const setup = service.setup();
  if (renderer) setup.setNotFoundPageRenderer(renderer);
  setup.createRouter().get({ path: '/api/known', validate: false }, async (_c, _r, res) => res.ok({ body: { ok: true } }));
  await service.start();
  return { service, setup, url: `http://127.0.0.1:${setup.getServerInfo().port}${config.basePath ?? ''}` };
}

describe('the not-found page hook of the HTTP service', () => {
  let service: HttpService | undefined;
  afterEach(async () => {
    await service?.stop();
    service = undefined;
    errors.length = 0;
  });

  it('answers a GET of an unknown page address with the page, 404, and the page headers (the configured CSP)', async () => {
    const started = await start(() => PAGE, { customResponseHeaders: { 'x-custom': 'yes' } });
    service = started.service;
    const res = await fetch(`${started.url}/nope/deeper?x=1`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('private, no-cache, no-store, must-revalidate');
    expect(res.headers.get('x-custom')).toBe('yes');
    expect(await res.text()).toBe(PAGE);
  });

  it('keeps the JSON 404 for APIs, JSON clients and other methods, and leaves known routes alone', async () => {
    const started = await start(() => PAGE);
    service = started.service;
    const json = { statusCode: 404, error: 'Not Found', message: 'Not Found' };
    for (const [path, init] of [
      ['/api/nope', {}],
      ['/internal/nope', {}],
      ['/ui/bundles/x/y.js', {}],
      ['/nope', { headers: { accept: 'application/json' } }],
      ['/nope', { method: 'POST', headers: { 'content-type': 'application/json', 'osd-xsrf': 'x' }, body: '{}' }],
    ] as const) {
      const res = await fetch(`${started.url}${path}`, init as RequestInit);
      expect([path, res.status, res.headers.get('content-type')]).toEqual([path, 404, expect.stringContaining('application/json')]);
      expect(await res.json()).toEqual(json);
    }
    expect(await (await fetch(`${started.url}/api/known`)).json()).toEqual({ ok: true });
  });

  it('serves the page under the base path too', async () => {
    const started = await start(() => PAGE, { basePath: '/osd' });
    service = started.service;
    const res = await fetch(`${started.url}/nope`);
    expect([res.status, await res.text()]).toEqual([404, PAGE]);
  });

  it('answers JSON everywhere when no renderer was set', async () => {
    const started = await start(undefined);
    service = started.service;
    const res = await fetch(`${started.url}/nope`, { headers: { accept: 'text/html' } });
    expect([res.status, res.headers.get('content-type')]).toEqual([404, expect.stringContaining('application/json')]);
  });

  it('falls back to the JSON 404, and logs, when the renderer throws', async () => {
    const started = await start(() => {
      throw new Error('template broke');
    });
    service = started.service;
    const res = await fetch(`${started.url}/nope`);
    expect([res.status, res.headers.get('content-type')]).toEqual([404, expect.stringContaining('application/json')]);
    expect(errors).toEqual([expect.stringContaining('template broke')]);
  });

  it('is set once, with a function', async () => {
    const setup = new HttpService(testHttpConfig, log).setup();
    expect(() => setup.setNotFoundPageRenderer('x' as any)).toThrow('setNotFoundPageRenderer needs a function that returns the HTML of the page.');
    setup.setNotFoundPageRenderer(() => PAGE);
    expect(() => setup.setNotFoundPageRenderer(() => PAGE)).toThrow('The not-found page renderer is already set.');
  });
});
