import { OpenSearchDashboardsResponse } from '../http/router/response';
import { CspConfig } from './csp_config';
import { applyPageCsp, withPageCsp } from './page_csp';

const custom = new CspConfig({ rules: ["default-src 'self'"] });

describe('applyPageCsp', () => {
  it('gives HTML answers the configured policy, replacing any other spelling of the header', () => {
    const page = new OpenSearchDashboardsResponse(200, '<html></html>', { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': 'x', 'x-a': '1' });
    const out = applyPageCsp(page, custom);
    expect(out.headers).toEqual({ 'Content-Type': 'text/html; charset=utf-8', 'x-a': '1', 'content-security-policy': "default-src 'self'" });
    expect(out.payload).toBe('<html></html>');
    expect(out.status).toBe(200);
  });

  it('leaves other answers alone', () => {
    const json = new OpenSearchDashboardsResponse(200, { a: 1 }, { 'content-type': 'application/json' });
    expect(applyPageCsp(json, custom)).toBe(json);
    const bare = new OpenSearchDashboardsResponse(302, undefined, { location: '/app/home' });
    expect(applyPageCsp(bare, custom)).toBe(bare);
  });
});

describe('withPageCsp', () => {
  it('registers through the wrapped router with handlers that apply the policy', async () => {
    const registered: Array<{ path: string; handler: any }> = [];
    const router: any = { routerPath: '', handleLegacyErrors: (h: unknown) => h };
    for (const method of ['get', 'post', 'put', 'delete', 'patch']) router[method] = (route: { path: string }, handler: unknown) => registered.push({ path: route.path, handler });
    const wrapped = withPageCsp(router, custom);
    wrapped.get({ path: '/app/{path*}', validate: false }, async (_c, _r, res) => res.ok({ body: '<html>', headers: { 'content-type': 'text/html' } }));
    expect(registered.map((r) => r.path)).toEqual(['/app/{path*}']);
    const response = { ok: ({ body, headers }: any) => new OpenSearchDashboardsResponse(200, body, headers) };
    const answer = await registered[0].handler({}, {}, response);
    expect(answer.headers['content-security-policy']).toBe("default-src 'self'");
  });
});
