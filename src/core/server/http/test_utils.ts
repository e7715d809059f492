import { connect } from 'net';
import type { HttpConfig } from './http_config';

/** A server config for tests: loopback, a free port, no base path, xsrf on. */
export const testHttpConfig: HttpConfig = {
  host: '127.0.0.1',
  port: 0,
  name: 'test',
  basePath: '',
  maxPayloadBytes: 1024 * 1024,
  keepaliveTimeout: 120000,
  socketTimeout: 120000,
  xsrf: { disableProtection: false, allowlist: [] },
  customResponseHeaders: {},
};

/** A logger that drops everything. */
export const silentLogger: any = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, fatal() {}, get: () => silentLogger };

/** Writes raw bytes to a loopback server and reads until it closes the connection (or 5 s pass). */
export function rawExchange(port: number, data: string): Promise<{ text: string; closedByServer: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, closedByServer: false });
    }, 5000);
    socket.on('data', (chunk) => (text += chunk.toString('utf8')));
    socket.on('end', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closedByServer: true });
    });
    socket.on('error', reject);
    socket.write(data);
  });
}
