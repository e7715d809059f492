import Fastify, { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'crypto';
import { Readable } from 'stream';
import { Subject } from 'rxjs';
import { Logger } from '../logging';
import { HttpConfig } from './http_config';
import { exceedsJsonDepth, jsonDepthMessage } from '../../utils/json_depth';
import { handleClientError } from './client_error';
import { HttpLifecycle, REQUEST_KEY } from './lifecycle';
import {
  errorBody,
  OpenSearchDashboardsRequest,
  OpenSearchDashboardsResponse,
  RequestHandlerContext,
  responseFactory,
  ResponseHeaders,
  RouterRoute,
  RouteValidationError,
  toServerPath,
  validatePart,
} from './router';

export type ContextFactory = (request: OpenSearchDashboardsRequest) => Promise<RequestHandlerContext>;

/** One finished request, for the ops metrics. */
export interface RequestObservation {
  statusCode: number;
  durationMs: number;
}

const XSRF_HEADERS = ['osd-xsrf', 'osd-version'];
/** Set on the Fastify request by the interceptors: the request object they saw, and headers to add. */
const LIFECYCLE_REQUEST = Symbol('osd.lifecycleRequest');
const LIFECYCLE_HEADERS = Symbol('osd.lifecycleHeaders');
type InterceptedRequest = FastifyRequest & { [LIFECYCLE_REQUEST]?: ServerRequest; [LIFECYCLE_HEADERS]?: ResponseHeaders };
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The HTTP server behind our own API: Fastify is an implementation detail. It knows routes, limits and the
 * wire format of errors; it knows nothing about plugins or saved objects.
 */
export class HttpServer {
  private readonly server: FastifyInstance;
  private readonly observers: Array<(o: RequestObservation) => void> = [];
  private listening = false;

  constructor(
    private readonly config: HttpConfig,
    private readonly log: Logger,
    private readonly lifecycle: HttpLifecycle = new HttpLifecycle()
  ) {
    const basePath = config.basePath;
    this.server = Fastify({
      logger: false,
      ...(config.tls ? { https: { cert: config.tls.cert, key: config.tls.key, passphrase: config.tls.passphrase } } : {}),
      bodyLimit: config.maxPayloadBytes,
      // Fastify's default (100) answers 414 to a saved-object id the API accepts in a body (256 characters).
      routerOptions: { maxParamLength: 512 },
      keepAliveTimeout: config.keepaliveTimeout,
      connectionTimeout: config.socketTimeout,
      forceCloseConnections: true,
      // A request Node could not parse gets a 400 that says the connection closes, then the socket closes.
      clientErrorHandler: (error, socket) => handleClientError(error, socket, this.log),
      // Serve every route under the base path; a request a proxy already stripped works too.
      rewriteUrl: (req) => {
        const url = req.url ?? '/';
        if (basePath && (url === basePath || url.startsWith(basePath + '/') || url.startsWith(basePath + '?'))) {
          return url.slice(basePath.length) || '/';
        }
        return url;
      },
    });
    // Bodies are read as bytes, then parsed as Fastify would, unless the route asked for the raw bytes.
    const parseJson = this.server.getDefaultJsonParser('error', 'error');
    const wantsRaw = (req: FastifyRequest) => (req.routeOptions.config as { rawBody?: boolean } | undefined)?.rawBody === true;
    this.server.removeContentTypeParser(['application/json', 'text/plain']);
    this.server.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
      if (wantsRaw(req)) return done(null, body);
      parseJson(req, (body as Buffer).toString('utf8'), (error, value) => {
        if (error) return done(error, undefined);
        if (exceedsJsonDepth(value)) return done(Object.assign(new Error(jsonDepthMessage()), { statusCode: 400 }), undefined);
        done(null, value);
      });
    });
    this.server.addContentTypeParser(['text/plain', 'application/x-ndjson'], { parseAs: 'buffer' }, (req, body, done) =>
      done(null, wantsRaw(req) ? body : (body as Buffer).toString('utf8'))
    );
    this.server.setErrorHandler((error: any, request, reply) => {
      const status = mapServerError(error);
      if (status === 500) this.log.error(`${request.method} ${request.url} failed: ${error.stack ?? error}`);
      const message =
        status === 413
          ? `Payload content length greater than maximum allowed: ${this.config.maxPayloadBytes}`
          : status === 400 && error.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
          ? 'Invalid request payload JSON format'
          : status === 500
          ? 'An internal server error occurred.'
          : error.message;
      reply.code(status).type('application/json').send(errorBody(status, message));
    });
    this.server.setNotFoundHandler((_req, reply) => {
      reply.code(404).type('application/json').send(errorBody(404, 'Not Found'));
    });
    this.server.addHook('onResponse', async (_req, reply) => {
      const observation = { statusCode: reply.statusCode, durationMs: reply.elapsedTime };
      for (const observe of this.observers) observe(observation);
    });
  }

  public onRequestFinished(observer: (o: RequestObservation) => void) {
    this.observers.push(observer);
  }

  public mount(route: RouterRoute, createContext: ContextFactory) {
    const { path, wildcardParam } = toServerPath(route.path);
    this.server.route({
      method: route.method.toUpperCase() as any,
      url: path,
      bodyLimit: route.options.body?.maxBytes,
      config: { rawBody: route.options.body?.parse === false },
      // Before the body is read: an anonymous or throttled caller never gets its body parsed.
      onRequest: this.lifecycle.hasRequestInterceptors ? (req, reply) => this.intercept(route, wildcardParam, req, reply) : undefined,
      handler: (req, reply) => this.handle(route, wildcardParam, createContext, req, reply),
    });
  }

  public async start(): Promise<{ host: string; port: number }> {
    if (this.lifecycle.hasPreResponseInterceptors) {
      this.server.addHook('onSend', async (req, reply, payload) => {
        const request = (req as InterceptedRequest)[LIFECYCLE_REQUEST] ?? this.requestFor(undefined, req, req.params, req.query, undefined);
        const headers = await this.lifecycle.runPreResponse(request, reply.statusCode);
        for (const [name, value] of Object.entries(headers)) if (!reply.hasHeader(name)) reply.header(name, value);
        return payload;
      });
    }
    await this.server.listen({ host: this.config.host, port: this.config.port });
    this.listening = true;
    const address = this.server.server.address();
    const port = typeof address === 'object' && address ? address.port : this.config.port;
    return { host: this.config.host, port };
  }

  public async stop() {
    if (this.listening) await this.server.close();
    this.listening = false;
  }

  /** The interceptors (on-pre-auth, auth, on-post-auth); answers here when one of them does. */
  private async intercept(route: RouterRoute, wildcardParam: string | undefined, req: FastifyRequest, reply: FastifyReply) {
    const request = this.requestFor(route, req, renameWildcard(req.params, wildcardParam), req.query, undefined);
    (req as InterceptedRequest)[LIFECYCLE_REQUEST] = request;
    const outcome = await this.lifecycle.runBeforeHandler(request);
    if (outcome.kind === 'respond') {
      await this.send(reply, outcome.response);
      return reply;
    }
    if (outcome.responseHeaders) (req as InterceptedRequest)[LIFECYCLE_HEADERS] = outcome.responseHeaders;
  }

  private async handle(
    route: RouterRoute,
    wildcardParam: string | undefined,
    createContext: ContextFactory,
    req: FastifyRequest,
    reply: FastifyReply
  ) {
    const options = route.options;
    if (
      !SAFE_METHODS.has(req.method) &&
      options.xsrfRequired !== false &&
      !this.config.xsrf.disableProtection &&
      !this.config.xsrf.allowlist.includes(route.path) &&
      !XSRF_HEADERS.some((h) => req.headers[h] !== undefined)
    ) {
      return this.send(reply, responseFactory.badRequest({ body: 'Request must contain a osd-xsrf header.' }));
    }

    let params: any = renameWildcard(req.params, wildcardParam);
    let request: OpenSearchDashboardsRequest;
    try {
      const validate = route.validate || {};
      params = validatePart(validate.params, params, 'params');
      const query = validatePart(validate.query, { ...(req.query as object) }, 'query');
      const body = validatePart(validate.body, req.body, 'body');
      request = this.requestFor(route, req, params, query, body);
    } catch (e) {
      if (e instanceof RouteValidationError) return this.send(reply, responseFactory.badRequest({ body: e.message }));
      throw e;
    }

    try {
      const context = await createContext(request);
      const response = await route.handler(context, request, responseFactory);
      if (!(response instanceof OpenSearchDashboardsResponse)) {
        throw new Error(`Unexpected result from the route handler of [${route.method.toUpperCase()} ${route.path}]: expected a response from the response factory`);
      }
      return this.send(reply, response);
    } catch (e) {
      this.log.error(
        `Unhandled error in the handler of [${route.method.toUpperCase()} ${route.path}]${route.pluginId ? ` (plugin ${route.pluginId})` : ''}: ${(e as Error)?.stack ?? e}`
      );
      return this.send(reply, responseFactory.internalError({ body: 'An internal server error occurred.' }));
    }
  }

  /** A request object; `route` undefined for answers outside any route (not found, parse errors). */
  private requestFor(route: RouterRoute | undefined, req: FastifyRequest, params: unknown, query: unknown, body: unknown): ServerRequest {
    const info = route ?? { path: req.url, method: req.method.toLowerCase() as RouterRoute['method'], options: {} };
    return new ServerRequest(info, req, params, query, body, this.lifecycle);
  }

  private send(reply: FastifyReply, response: OpenSearchDashboardsResponse) {
    const { status, payload, headers } = response;
    reply.code(status);
    for (const [name, value] of Object.entries(this.config.customResponseHeaders)) reply.header(name, String(value));
    const lifecycleHeaders = (reply.request as InterceptedRequest)[LIFECYCLE_HEADERS];
    if (lifecycleHeaders) for (const [name, value] of Object.entries(lifecycleHeaders)) reply.header(name, value);
    for (const [name, value] of Object.entries(headers)) reply.header(name, value);
    if (status >= 400) {
      return reply.type('application/json').send(errorBody(status, payload as any));
    }
    if (payload === undefined || payload === null) return reply.send();
    if (Buffer.isBuffer(payload) || payload instanceof Readable) return reply.send(payload);
    if (typeof payload === 'string') {
      if (!reply.hasHeader('content-type')) reply.type('text/plain; charset=utf-8');
      return reply.send(payload);
    }
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(payload));
  }
}

/** Fastify names a trailing wildcard `*`; the route declared its own name for it. */
function renameWildcard(raw: unknown, wildcardParam: string | undefined): any {
  const params: any = { ...(raw as object) };
  if (wildcardParam) {
    params[wildcardParam] = params['*'];
    delete params['*'];
  }
  return params;
}

function mapServerError(error: any): number {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) return 413;
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 415;
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) return error.statusCode;
  return 500;
}

/**
 * The request handed to handlers. The id, the URL and the abort stream are built only when a handler reads
 * them: most handlers never do, and the ingest path pays for every per-request allocation.
 */
class ServerRequest implements OpenSearchDashboardsRequest {
  public readonly route: OpenSearchDashboardsRequest['route'];
  public readonly headers: FastifyRequest['headers'];
  public readonly isSystemRequest: boolean;
  /** Every request object of one incoming request shares this key: interceptors and handlers see one auth state. */
  public readonly [REQUEST_KEY]: object;
  private lazyId?: string;
  private lazyUrl?: URL;
  private lazyEvents?: OpenSearchDashboardsRequest['events'];

  constructor(
    route: Pick<RouterRoute, 'path' | 'method' | 'options'>,
    private readonly raw: FastifyRequest,
    public readonly params: unknown,
    public readonly query: unknown,
    public readonly body: unknown,
    private readonly lifecycle: HttpLifecycle
  ) {
    this[REQUEST_KEY] = raw;
    this.route = {
      path: route.path,
      method: route.method,
      options: {
        xsrfRequired: route.options.xsrfRequired ?? true,
        authRequired: route.options.authRequired ?? true,
        tags: route.options.tags ?? [],
      },
    };
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
