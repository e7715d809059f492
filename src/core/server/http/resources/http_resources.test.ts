import { CspConfig } from '../../csp';
import { HttpService } from '../http_service';
import { silentLogger, testHttpConfig } from '../test_utils';
import type { InternalHttpServiceSetup } from '../types';
import type { CorePageRenderOptions } from './types';

async function start(register: (setup: InternalHttpServiceSetup) => void, csp?: CspConfig) {
  const service = new HttpService(testHttpConfig, silentLogger, csp);
  const setup = service.setup();
  setup.setCoreContextFactory(() => ({ savedObjects: { client: null, typeRegistry: null, getClient: () => null }, uiSettings: { client: null } }));
  register(setup);
  await service.start();
  return { service, setup, url: `http://127.0.0.1:${setup.getServerInfo().port}` };
}

describe('core.http.resources', () => {
  let stop: () => Promise<void> = async () => undefined;
  afterEach(() => stop());

  it('renders the host page with or without user settings, with the page headers winning over the caller', async () => {
    const seen: Array<CorePageRenderOptions & { path: string }> = [];
    const { service, url } = await start((setup) => {
      setup.setCorePageRenderer(async (_context, request, options) => {
        seen.push({ ...options, path: request.url.pathname });
        return `<html>${options.includeUserSettings ? 'user' : 'anonymous'}</html>`;
      });
      const resources = setup.createResources('somePlugin');
      resources.register({ path: '/signed-in', validate: false }, (_c, _r, res) => res.renderCoreApp());
      resources.register({ path: '/anon', validate: false, options: { authRequired: false } }, (_c, _r, res) =>
        res.renderAnonymousCoreApp({ headers: { 'X-Extra': 'yes', 'Content-Security-Policy': "script-src *" } })
      );
    });
    stop = () => service.stop();

    const signedIn = await fetch(`${url}/signed-in`);
    expect(await signedIn.text()).toBe('<html>user</html>');
    expect(signedIn.headers.get('cache-control')).toContain('no-store');
    const anon = await fetch(`${url}/anon`);
    expect(anon.status).toBe(200);
    expect(await anon.text()).toBe('<html>anonymous</html>');
    expect(anon.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(anon.headers.get('x-extra')).toBe('yes');
    expect(anon.headers.get('content-security-policy')).toContain("script-src 'unsafe-eval' 'self'");
    expect(anon.headers.get('x-content-type-options')).toBe('nosniff');
    expect(seen).toEqual([
      { includeUserSettings: true, path: '/signed-in' },
      { includeUserSettings: false, path: '/anon' },
    ]);
  });

  it('serves plugin HTML and scripts with their type, and keeps the usual response factory', async () => {
    const { service, url } = await start((setup) => {
      setup.resources.register({ path: '/page.html', validate: false }, (_c, _r, res) => res.renderHtml({ body: '<p>hi</p>' }));
      setup.resources.register({ path: '/script.js', validate: false }, (_c, _r, res) => res.renderJs({ body: 'void 0;' }));
      setup.resources.register({ path: '/missing', validate: false }, (_c, _r, res) => res.notFound());
    });
    stop = () => service.stop();
    const html = await fetch(`${url}/page.html`);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-security-policy')).toBeTruthy();
    const js = await fetch(`${url}/script.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('void 0;');
    expect((await fetch(`${url}/missing`)).status).toBe(404);
  });

  it('serves every page with the policy of csp.rules, and hands plugins that config as http.csp', async () => {
    const csp = new CspConfig({ rules: ["default-src 'self'", "img-src 'self' data:"] });
    const { service, setup, url } = await start((s) => {
      s.setCorePageRenderer(async () => '<html></html>');
      s.resources.register({ path: '/page', validate: false }, (_c, _r, res) => res.renderCoreApp({ headers: { 'content-security-policy': 'script-src *' } }));
      s.resources.register({ path: '/page.html', validate: false }, (_c, _r, res) => res.renderHtml({ body: '<p>hi</p>' }));
    }, csp);
    stop = () => service.stop();
    expect(setup.csp).toBe(csp);
    for (const path of ['/page', '/page.html']) {
      expect((await fetch(`${url}${path}`)).headers.get('content-security-policy')).toBe("default-src 'self'; img-src 'self' data:");
    }
  });

  it('uses the default policy when given no config', async () => {
    const { service, setup, url } = await start((s) => s.resources.register({ path: '/p.html', validate: false }, (_c, _r, res) => res.renderHtml({ body: '' })));
    stop = () => service.stop();
    expect(setup.csp).toBe(CspConfig.DEFAULT);
    expect((await fetch(`${url}/p.html`)).headers.get('content-security-policy')).toBe(CspConfig.DEFAULT.header);
  });

  it('answers 500 when no renderer was set, and serves authRequired: false pages past an auth handler', async () => {
    const { service, url } = await start((setup) => {
      setup.registerAuth(async (_request, response) => response.unauthorized({ body: { message: 'nobody passes' } }));
      setup.resources.register({ path: '/private', validate: false }, (_c, _r, res) => res.renderCoreApp());
      setup.resources.register({ path: '/public', validate: false, options: { authRequired: false } }, (_c, _r, res) => res.renderCoreApp());
    });
    stop = () => service.stop();
    expect((await fetch(`${url}/private`)).status).toBe(401);
    expect((await fetch(`${url}/public`)).status).toBe(500);
  });

  it('refuses a second renderer and registrations after start', async () => {
    const { service, setup } = await start((s) => s.setCorePageRenderer(async () => ''));
    stop = () => service.stop();
    expect(() => setup.setCorePageRenderer(async () => '')).toThrow('already set');
    expect(() => setup.resources.register({ path: '/late', validate: false }, (_c, _r, res) => res.noContent())).toThrow(
      'cannot be registered after the server started'
    );
  });
});
