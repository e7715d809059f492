import { startReceiver, type Receiver } from '../../../../../test/receiver';
import { createTelemetryHttpClient, TelemetrySendError } from './http_client';

describe('createTelemetryHttpClient', () => {
  let receiver: Receiver;
  const client = createTelemetryHttpClient();
  const post = (overrides: Partial<Parameters<typeof client.post>[0]> = {}) =>
    client.post({ url: `${receiver.url}/send`, body: '{"a":1}', headers: { 'Content-Type': 'application/json', 'osd-version': '2.19.0' }, timeoutMs: 500, ...overrides });

  beforeEach(async () => (receiver = await startReceiver()));
  afterEach(() => receiver.stop());

  it('posts the body with the headers and resolves on 2xx', async () => {
    expect(await post()).toEqual({ status: 200 });
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]).toMatchObject({ method: 'POST', path: '/send', body: '{"a":1}' });
    expect(receiver.requests[0].headers).toMatchObject({ 'content-type': 'application/json', 'osd-version': '2.19.0' });
  });

  it('rejects on a non-2xx status, on a timeout, and when refused, with the kind', async () => {
    await receiver.setMode('500');
    await expect(post()).rejects.toMatchObject({ kind: 'http_status', status: 500, message: `${receiver.url}/send answered HTTP 500` });

    await receiver.setMode('hang');
    const started = Date.now();
    await expect(post({ timeoutMs: 200 })).rejects.toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);

    await receiver.setMode('refuse');
    const error = await post().catch((e) => e);
    expect(error).toBeInstanceOf(TelemetrySendError);
    expect(error).toMatchObject({ kind: 'network', message: `cannot reach ${receiver.url}/send: ECONNREFUSED` });
  });

  it('does not follow redirects', async () => {
    const http = await import('http');
    const redirecting = http.createServer((_req, res) => {
      res.writeHead(302, { location: `${receiver.url}/elsewhere` });
      res.end();
    });
    await new Promise<void>((r) => redirecting.listen(0, '127.0.0.1', () => r()));
    const { port } = redirecting.address() as { port: number };
    await expect(post({ url: `http://127.0.0.1:${port}/send` })).rejects.toMatchObject({ kind: 'http_status', status: 302 });
    expect(receiver.requests).toHaveLength(0);
    await new Promise((r) => redirecting.close(r));
  });

  it('cancels on the signal', async () => {
    await receiver.setMode('hang');
    const controller = new AbortController();
    const pending = post({ timeoutMs: 5000, signal: controller.signal });
    await receiver.waitForRequest();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
  });
});
