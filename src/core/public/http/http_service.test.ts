import { BasePath } from './base_path';
import { HttpFetchError } from './http_fetch_error';
import { HttpService } from './http_service';

type Call = { url: string; init: RequestInit };

function setup(respond: (call: Call) => Response | Promise<Response>, basePath = '/osd') {
  const calls: Call[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    const call = { url, init };
    calls.push(call);
    return respond(call);
  }) as unknown as typeof fetch;
  const http = new HttpService({ basePath, serverBasePath: basePath, version: '2.19.0', fetchImpl }).setup();
  return { http, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

describe('BasePath', () => {
  const basePath = new BasePath('/osd');
  it('prepends to absolute paths only, once', () => {
    expect(basePath.prepend('/api/status')).toBe('/osd/api/status');
    expect(basePath.prepend('/osd/api/status')).toBe('/osd/api/status');
    expect(basePath.prepend('https://example.com/x')).toBe('https://example.com/x');
    expect(basePath.prepend('relative')).toBe('relative');
  });
  it('removes the base path from the start', () => {
    expect(basePath.remove('/osd/app/home')).toBe('/app/home');
    expect(basePath.remove('/osd')).toBe('/');
    expect(basePath.remove('/osdx/app')).toBe('/osdx/app');
    expect(new BasePath('').remove('/app/home')).toBe('/app/home');
  });
});

describe('http.fetch', () => {
  it('prefixes the base path, sends the xsrf and version headers, and parses JSON', async () => {
    const { http, calls } = setup(() => json(200, { ok: true }));
    await expect(http.get('/api/x', { query: { a: 1, b: ['x', 'y'], c: undefined } })).resolves.toEqual({ ok: true });
    expect(calls[0].url).toBe('/osd/api/x?a=1&b=x&b=y');
    expect(calls[0].init.method).toBe('GET');
    expect(calls[0].init.headers).toMatchObject({ 'osd-xsrf': 'osd-fetch', 'osd-version': '2.19.0' });
    // No body, no content type: the server refuses an empty body announced as JSON.
    expect(calls[0].init.headers as Record<string, string>).not.toHaveProperty('Content-Type');
  });

  it('sends the body and method of the shorthand, and can skip the base path', async () => {
    const { http, calls } = setup(() => json(200, {}));
    await http.post('/api/y', { body: JSON.stringify({ v: 1 }), prependBasePath: false });
    expect(calls[0]).toMatchObject({ url: '/api/y', init: { method: 'POST', body: '{"v":1}', headers: { 'Content-Type': 'application/json' } } });
  });

  it("rejects with the server's message on 4xx/5xx", async () => {
    const { http } = setup(() => json(400, { statusCode: 400, error: 'Bad Request', message: '[validation [k]]: too big' }));
    const error: HttpFetchError = await http.post('/api/z').catch((e) => e);
    expect(error).toBeInstanceOf(HttpFetchError);
    expect(error.message).toBe('[validation [k]]: too big');
    expect(error.status).toBe(400);
    expect(error.body.error).toBe('Bad Request');
  });

  it('rejects with a network error and counts requests in flight', async () => {
    let release!: () => void;
    const { http } = setup(
      () =>
        new Promise<Response>((_, reject) => {
          release = () => reject(new TypeError('Failed to fetch'));
        })
    );
    const counts: number[] = [];
    http.getLoadingCount$().subscribe((n) => counts.push(n));
    const pending = http.get('/api/slow').catch((e) => e);
    await new Promise((r) => setImmediate(r));
    release();
    const error = await pending;
    expect(error.message).toBe('Failed to fetch');
    expect(counts).toEqual([0, 1, 0]);
  });

  it('returns text for text responses and the raw response on request', async () => {
    const { http } = setup(() => new Response('hello', { status: 200, headers: { 'content-type': 'text/plain' } }));
    await expect(http.get('/t')).resolves.toBe('hello');
    const { body, response } = await http.fetch({ path: '/t', asResponse: true });
    expect(body).toBe('hello');
    expect(response.status).toBe(200);
  });
});
