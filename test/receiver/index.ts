/*
 * A local telemetry receiver for tests (and for operators trying telemetry out): an HTTP server on
 * 127.0.0.1 that records every request and answers as its mode says. Only ever loopback.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'http';
import type { Socket } from 'net';

/** `ok` answers 200; `500` answers 500; `hang` reads the request and never answers; `refuse` does not listen. */
export type ReceiverMode = 'ok' | '500' | 'hang' | 'refuse';

/** One request the receiver got (for `hang`, recorded once its body arrived). */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The body as text. */
  body: string;
  /** `Date.now()` when the body had arrived. */
  receivedAt: number;
}

export interface Receiver {
  /** `http://127.0.0.1:<port>`; stays the same across `setMode` (also through `refuse`). */
  readonly url: string;
  readonly port: number;
  /** Every request so far, oldest first. */
  readonly requests: ReceivedRequest[];
  /** Requests whose path starts with `prefix`. */
  requestsTo(prefix: string): ReceivedRequest[];
  /** Changes how later requests are answered; `refuse` closes the port, leaving it re-opens it. */
  setMode(mode: ReceiverMode): Promise<void>;
  /** Resolves with the next request (to `prefix`, if given) that arrives, or rejects after `timeoutMs`. */
  waitForRequest(options?: { prefix?: string; timeoutMs?: number }): Promise<ReceivedRequest>;
  /** Closes the server and every connection (hanging ones too). */
  stop(): Promise<void>;
}

/** Lets a page on another origin (the browser sender) post reports and read the answer. */
const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': '*',
};

export async function startReceiver({ mode: initialMode = 'ok', port: wantedPort = 0 }: { mode?: ReceiverMode; port?: number } = {}): Promise<Receiver> {
  let mode = initialMode;
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const waiters: Array<{ prefix: string; resolve: (r: ReceivedRequest) => void }> = [];
  let listening: Server | undefined;

  const server = createServer((req, res) => {
    // A browser sender (`sendUsageFrom: browser`) posts cross-origin: answer its CORS preflight without recording it.
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS);
      res.end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received: ReceivedRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        receivedAt: Date.now(),
      };
      requests.push(received);
      for (const waiter of [...waiters]) {
        if (received.path.startsWith(waiter.prefix)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(received);
        }
      }
      if (mode === 'hang') return;
      res.writeHead(mode === '500' ? 500 : 200, { 'content-type': 'application/json', ...CORS_HEADERS });
      res.end(JSON.stringify(mode === '500' ? { error: 'receiver set to fail' } : { ok: true }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        listening = server;
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  const close = () =>
    new Promise<void>((resolve) => {
      if (!listening) return resolve();
      listening = undefined;
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });

  // Listen first even for `refuse`, to get a port; then close it.
  const port = await listen(wantedPort);
  if (mode === 'refuse') await close();

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    requestsTo: (prefix) => requests.filter((r) => r.path.startsWith(prefix)),
    async setMode(next) {
      mode = next;
      if (next === 'refuse') await close();
      else if (!listening) await listen(port);
    },
    waitForRequest({ prefix = '', timeoutMs = 30000 } = {}) {
      return new Promise((resolve, reject) => {
        const waiter = {
          prefix,
          resolve: (r: ReceivedRequest) => {
            clearTimeout(timer);
            resolve(r);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no request to "${prefix}" within ${timeoutMs} ms (${requests.length} received in all)`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    stop: close,
  };
}
