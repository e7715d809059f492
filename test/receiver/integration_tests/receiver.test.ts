import { startReceiver, type Receiver } from '..';

const post = (url: string, body: string, signal?: AbortSignal) =>
  fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-test': '1' }, signal });

describe('the test receiver', () => {
  let receiver: Receiver | undefined;
  afterEach(async () => {
    await receiver?.stop();
    receiver = undefined;
  });

  it('records requests and answers 200, then 500', async () => {
    receiver = await startReceiver();
    expect(receiver.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await post(`${receiver.url}/send`, '{"a":1}')).status).toBe(200);
    await receiver.setMode('500');
    expect((await post(`${receiver.url}/send`, 'x')).status).toBe(500);
    expect(receiver.requests.map((r) => [r.method, r.path, r.body, r.headers['x-test']])).toEqual([
      ['POST', '/send', '{"a":1}', '1'],
      ['POST', '/send', 'x', '1'],
    ]);
    expect(receiver.requestsTo('/other')).toEqual([]);
  });

  it('hangs without answering, and refuses connections on the same port until set back', async () => {
    receiver = await startReceiver({ mode: 'hang' });
    const controller = new AbortController();
    const hanging = post(`${receiver.url}/send`, 'h', controller.signal).catch((e) => e);
    await receiver.waitForRequest({ prefix: '/send', timeoutMs: 2000 });
    controller.abort();
    expect((await hanging).name).toBe('AbortError');

    await receiver.setMode('refuse');
    const refused = await post(`${receiver.url}/send`, 'r').catch((e) => e);
    expect(String(refused.cause?.code ?? refused)).toMatch(/ECONNREFUSED/);
    await receiver.setMode('ok');
    expect((await post(`${receiver.url}/send`, 'back')).status).toBe(200);
    expect(receiver.requests.map((r) => r.body)).toEqual(['h', 'back']);
  });

  it('answers the CORS preflight of a browser without recording it, and allows the origin on answers', async () => {
    receiver = await startReceiver();
    const preflight = await fetch(`${receiver.url}/send`, { method: 'OPTIONS', headers: { origin: 'http://localhost:5601', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const answer = await post(`${receiver.url}/send`, '{}');
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(receiver.requests.map((r) => r.method)).toEqual(['POST']);
  });
});
