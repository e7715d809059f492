import { isIPv6 } from 'node:net';
import type { HttpAuth, OpenSearchDashboardsRequest } from '../../../../core/server';

/**
 * What an auth handler's state may say about the caller. Read by shape, since any security plugin may be
 * the one installed; the built-in one sets all three (`sessionId` is a hash, never the cookie).
 */
interface PrincipalState {
  sessionId?: unknown;
  apiKeyId?: unknown;
  username?: unknown;
}

/**
 * Who sent a request, for per-client limits such as the ui-metric rate limit. THE place that decides it:
 * the authenticated session, API key or user (`session:<id>` / `api_key:<id>` / `user:<name>`: one browser
 * session, one script, one person), else the client address (`ip:<address>`, an IPv6 client by its /64,
 * which one subscriber usually holds whole and can walk through freely).
 *
 * Behind a reverse proxy every client shares the proxy's address; the platform has no trusted-proxy setting
 * yet, and forwarded headers are not believed (any client can send them).
 */
export function clientIdentity(request: OpenSearchDashboardsRequest, auth?: Pick<HttpAuth, 'get'>): string {
  const state = auth?.get<PrincipalState>(request).state;
  if (state) {
    if (typeof state.sessionId === 'string') return `session:${state.sessionId}`;
    if (typeof state.apiKeyId === 'string') return `api_key:${state.apiKeyId}`;
    if (typeof state.username === 'string') return `user:${state.username}`;
  }
  const address = request.socket.remoteAddress;
  return address ? `ip:${addressKey(address)}` : 'ip:unknown';
}

/** An IPv4 address as is (also when IPv4-mapped, `::ffff:1.2.3.4`); an IPv6 address as its /64 prefix. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  const withoutZone = address.split('%')[0];
  const [head, tail] = withoutZone.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail === undefined ? [] : tail ? tail.split(':') : [];
  // An embedded IPv4 tail (`::ffff:1.2.3.4`) is one element for two groups.
  const missing = 8 - headGroups.length - tailGroups.length - (tailGroups.at(-1)?.includes('.') ? 1 : 0);
  const groups = tail === undefined ? headGroups : [...headGroups, ...new Array(Math.max(0, missing)).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
