import { IncomingHttpHeaders } from 'http';
import { Observable } from 'rxjs';
import { RouteConfigOptions, RouteMethod } from './types';

/** The incoming request as a handler sees it: validated params, query and body, never the raw server object. */
export interface OpenSearchDashboardsRequest<P = unknown, Q = unknown, B = unknown> {
  /** A per-request id, for log correlation. */
  readonly id: string;
  readonly url: URL;
  readonly route: { path: string; method: RouteMethod; options: Required<Pick<RouteConfigOptions, 'xsrfRequired' | 'authRequired' | 'tags'>> };
  readonly headers: IncomingHttpHeaders;
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** True when the browser marked the call as made by the system, not the user (`osd-system-request`). */
  readonly isSystemRequest: boolean;
  readonly events: { aborted$: Observable<void> };
  /** The connection, as upstream exposes it: the peer's address (per-client limits, audit). */
  readonly socket: { readonly remoteAddress?: string };
  readonly auth: { isAuthenticated: boolean };
}
