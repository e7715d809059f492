/*
 * Shared by the security suites: servers started with `--security.enabled=true` on a store mode, and
 * small clients for Basic, ApiKey and cookie callers. Everything goes through the real server's HTTP.
 */
import {
  anonymousApi,
  basicAuthHeader,
  startOsdServer,
  TEST_ADMIN_PASSWORD,
  TEST_ADMIN_USERNAME,
  type OsdServer,
  type OsdServerOptions,
} from '../../../../../test/harness/osd_server';
import type { StoreMode } from '../../../../../test/harness/store_modes';

export const ADMIN = basicAuthHeader(TEST_ADMIN_USERNAME, TEST_ADMIN_PASSWORD);
export { basicAuthHeader };

export function startSecureServer(mode: StoreMode, options: OsdServerOptions = {}): Promise<OsdServer> {
  return startOsdServer({
    ...options,
    args: ['--security.enabled=true', '--usageCollection.maximumWaitTimeForAllCollectorsInS=0', ...mode.args(), ...(options.args ?? [])],
  });
}

/** A request made exactly as given: only the headers passed (plus osd-xsrf), no default credentials. */
export function call(url: string, method: string, body?: unknown, headers: Record<string, string> = {}) {
  return anonymousApi(url, method, body, headers);
}

export function as(authorization: string) {
  return (url: string, method = 'GET', body?: unknown) => call(url, method, body, { authorization });
}

export function withCookie(cookie: string) {
  return (url: string, method = 'GET', body?: unknown) => call(url, method, body, { cookie });
}

/** Logs in through the route; returns the `osd_sid=…` pair to send back as a Cookie header. */
export async function login(server: OsdServer, username: string, password: string): Promise<string> {
  const res = await call(`${server.url}/api/security/login`, 'POST', { username, password });
  if (res.status !== 200) throw new Error(`login of ${username} answered ${res.status}: ${res.text}`);
  return res.headers.get('set-cookie')!.split(';')[0];
}

export async function putUser(server: OsdServer, username: string, password: string, roles: string[]) {
  const res = await call(`${server.url}/api/security/users/${username}`, 'PUT', { password, roles }, { authorization: ADMIN });
  if (res.status !== 200) throw new Error(`PUT user ${username} answered ${res.status}: ${res.text}`);
}

export async function createApiKey(server: OsdServer, name: string, roles: string[]) {
  const res = await call(`${server.url}/api/security/api_keys`, 'POST', { name, roles }, { authorization: ADMIN });
  if (res.status !== 200) throw new Error(`POST api key answered ${res.status}: ${res.text}`);
  return res.body as { id: string; name: string; api_key: string; encoded: string };
}

/** The JSON audit events a server printed (context `plugins.security.audit`). */
export function auditEvents(server: OsdServer): Array<Record<string, any>> {
  return server
    .output()
    .split('\n')
    .filter((line) => line.includes('[plugins.security.audit] '))
    .map((line) => JSON.parse(line.slice(line.indexOf('[plugins.security.audit] ') + '[plugins.security.audit] '.length)));
}

export async function stopAll(servers: OsdServer[]) {
  await Promise.all(servers.splice(0).map(async (s) => (await s.stop(), s.cleanup())));
}
