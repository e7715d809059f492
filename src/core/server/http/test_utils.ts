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
