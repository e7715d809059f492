import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'crypto';
import { Subject } from 'rxjs';
import { type HttpLifecycle, REQUEST_KEY } from './lifecycle';
import type { OpenSearchDashboardsRequest, RouterRoute } from './router';

/** `request.route` as handlers see it, defaults filled in. */
export function routeInfo(route: Pick<RouterRoute, 'path' | 'method' | 'options'>): OpenSearchDashboardsRequest['route'] {
  const { xsrfRequired = true, authRequired = true, tags = [] } = route.options;
  return Object.freeze({ path: route.path, method: route.method, options: Object.freeze({ xsrfRequired, authRequired, tags }) });
}

/**
 * The request handed to handlers. The id, the URL and the abort stream are built only when a handler reads
 * them: most handlers never do, and the ingest path pays for every per-request allocation.
 */
export class ServerRequest implements OpenSearchDashboardsRequest {
  public readonly headers: FastifyRequest['headers'];
  public readonly isSystemRequest: boolean;
  /** Every request object of one incoming request shares this key: interceptors and handlers see one auth state. */
  public readonly [REQUEST_KEY]: object;
  private lazyId?: string;
  private lazyUrl?: URL;
  private lazyEvents?: OpenSearchDashboardsRequest['events'];

  constructor(
    public readonly route: OpenSearchDashboardsRequest['route'],
    private readonly raw: FastifyRequest,
    public readonly params: unknown,
    public readonly query: unknown,
    public readonly body: unknown,
    private readonly lifecycle: HttpLifecycle
  ) {
    this[REQUEST_KEY] = raw;
    this.headers = raw.headers;
    this.isSystemRequest = raw.headers['osd-system-request'] === 'true';
  }

  public get auth(): { isAuthenticated: boolean } {
    return { isAuthenticated: this.lifecycle.auth.isAuthenticated(this) };
  }

  public get socket() {
    return { remoteAddress: this.raw.socket?.remoteAddress };
  }

  public get id() {
    return (this.lazyId ??= (this.headers['x-opaque-id'] as string) ?? randomUUID());
  }

  public get url() {
    return (this.lazyUrl ??= new URL(this.raw.url, `http://${this.headers.host ?? 'localhost'}`));
  }

  public get events() {
    if (!this.lazyEvents) {
      const incoming = this.raw.raw;
      const aborted$ = new Subject<void>();
      const onClose = () => {
        if (!incoming.complete || !incoming.socket?.writable) aborted$.next();
        aborted$.complete();
      };
      if (incoming.destroyed) onClose();
      else incoming.once('close', onClose);
      this.lazyEvents = { aborted$: aborted$.asObservable() };
    }
    return this.lazyEvents;
  }
}
