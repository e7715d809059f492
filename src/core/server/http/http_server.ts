import Fastify, { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'stream';
import { Logger } from '../logging';
import { HttpConfig } from './http_config';
import { exceedsJsonDepth, jsonDepthMessage } from '../../utils/json_depth';
import { handleClientError } from './client_error';
import { readJsonBody } from './json_body';
import { HttpLifecycle } from './lifecycle';
import type { NotFoundRequest } from './not_found';
import { routeInfo, ServerRequest } from './server_request';
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

/** A page answered with status 404: body and its headers (content type, security headers). */
export interface NotFoundPage {
  body: string;
  headers: ResponseHeaders;
}
/** The page for a request no route serves, or undefined to keep the JSON 404. */
export type NotFoundPageHook = (request: NotFoundRequest) => NotFoundPage | undefined;

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

/** What a route's requests share, worked out once at mount rather than on every request. */
interface MountedRoute {
  route: RouterRoute;
  wildcardParam?: string;
  createContext: ContextFactory;
  /** `request.route` of every request of this route (frozen: handlers share it). */
  info: OpenSearchDashboardsRequest['route'];
  /** Whether a request must carry an xsrf header (an unsafe method, and neither the route nor the config exempts it). */
  checksXsrf: boolean;
}

/**
 * The HTTP server behind our own API: Fastify is an implementation detail. It knows routes, limits and the
 * wire format of errors; it knows nothing about plugins or saved objects.
 */
export class HttpServer {
  private readonly server: FastifyInstance;
  private readonly observers: Array<(o: RequestObservation) => void> = [];
  private readonly customHeaders: Array<[string, string]>;
  private listening = false;
  private notFoundPageHook?: NotFoundPageHook;

  constructor(
    private readonly config: HttpConfig,
    private readonly log: Logger,
    private readonly lifecycle: HttpLifecycle = new HttpLifecycle()
  ) {
    const basePath = config.basePath;
    this.customHeaders = Object.entries(config.customResponseHeaders).map(([name, value]) => [name, String(value)]);
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
    const tooDeep = () => Object.assign(new Error(jsonDepthMessage()), { statusCode: 400 });
    this.server.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
      if (wantsRaw(req)) return done(null, body);
      const text = (body as Buffer).toString('utf8');
      const read = readJsonBody(text);
      if (read.kind === 'ok') return done(null, read.value);
      if (read.kind === 'tooDeep') return done(tooDeep(), undefined);
      // Empty, malformed or poisoned: Fastify's parser refuses it with its own error.
      parseJson(req, text, (error, value) => {
        if (error) return done(error, undefined);
        if (exceedsJsonDepth(value)) return done(tooDeep(), undefined);
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
    this.server.setNotFoundHandler((req, reply) => {
      const page = this.notFoundPage(req);
      if (page) {
        reply.code(404);
        for (const [name, value] of this.customHeaders) reply.header(name, value);
        for (const name in page.headers) reply.header(name, page.headers[name]);
        return reply.send(page.body);
      }
      reply.code(404).type('application/json').send(errorBody(404, 'Not Found'));
    });
    // Callback hooks: an async one costs a promise and its settling on every response.
    this.server.addHook('onResponse', (_req, reply, done) => {
      const observation = { statusCode: reply.statusCode, durationMs: reply.elapsedTime };
      for (const observe of this.observers) observe(observation);
      done();
    });
  }

  /**
   * The answer to requests no route serves: `hook` gives a page for the ones it wants (a browser's GET of an
   * unknown page address), the others keep the JSON 404. Set once, before or after start.
   */
  public setNotFoundPage(hook: NotFoundPageHook) {
    if (this.notFoundPageHook) throw new Error('The not-found page renderer is already set.');
    this.notFoundPageHook = hook;
  }

  private notFoundPage(req: FastifyRequest): NotFoundPage | undefined {
    if (!this.notFoundPageHook) return undefined;
    const url = req.url;
    const query = url.indexOf('?');
    const request = { method: req.method, pathname: query === -1 ? url : url.slice(0, query), accept: req.headers.accept };
    try {
      return this.notFoundPageHook(request);
    } catch (e) {
      // The JSON 404 is still a correct answer: a broken page must not turn a 404 into a 500.
      this.log.error(`The not-found page failed for ${req.method} ${request.pathname}, answering JSON: ${(e as Error)?.stack ?? e}`);
      return undefined;
    }
  }

  public onRequestFinished(observer: (o: RequestObservation) => void) {
    this.observers.push(observer);
  }

  public mount(route: RouterRoute, createContext: ContextFactory) {
    const { path, wildcardParam } = toServerPath(route.path);
    const { xsrf } = this.config;
    const mounted: MountedRoute = {
      route,
      wildcardParam,
      createContext,
      info: routeInfo(route),
      checksXsrf:
        !SAFE_METHODS.has(route.method.toUpperCase()) &&
        route.options.xsrfRequired !== false &&
        !xsrf.disableProtection &&
        !xsrf.allowlist.includes(route.path),
    };
    this.server.route({
      method: route.method.toUpperCase() as any,
      url: path,
      bodyLimit: route.options.body?.maxBytes,
      config: { rawBody: route.options.body?.parse === false },
      // Before the body is read: an anonymous or throttled caller never gets its body parsed.
      onRequest: this.lifecycle.hasRequestInterceptors ? (req, reply) => this.intercept(mounted, req, reply) : undefined,
      handler: (req, reply) => this.handle(mounted, req, reply),
    });
  }

  public async start(): Promise<{ host: string; port: number }> {
    if (this.lifecycle.hasPreResponseInterceptors) {
      const addHeaders = (reply: FastifyReply, headers: ResponseHeaders) => {
        for (const name in headers) if (!reply.hasHeader(name)) reply.header(name, headers[name]);
      };
      // A callback hook: the interceptors usually answer at once, and then no promise is made.
      this.server.addHook('onSend', (req, reply, payload, done) => {
        try {
          const request = (req as InterceptedRequest)[LIFECYCLE_REQUEST] ?? this.requestFor(undefined, req, req.params, req.query, undefined);
          const headers = this.lifecycle.runPreResponse(request, reply.statusCode);
          if (!(headers instanceof Promise)) {
            addHeaders(reply, headers);
            return done(null, payload);
          }
          headers.then((added) => (addHeaders(reply, added), done(null, payload)), (error) => done(error));
        } catch (error) {
          done(error as Error);
        }
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
  private async intercept(mounted: MountedRoute, req: FastifyRequest, reply: FastifyReply) {
    const request = new ServerRequest(mounted.info, req, renameWildcard(req.params, mounted.wildcardParam), req.query, undefined, this.lifecycle);
    (req as InterceptedRequest)[LIFECYCLE_REQUEST] = request;
    const outcome = await this.lifecycle.runBeforeHandler(request);
    if (outcome.kind === 'respond') {
      await this.send(reply, outcome.response);
      return reply;
    }
    if (outcome.responseHeaders) (req as InterceptedRequest)[LIFECYCLE_HEADERS] = outcome.responseHeaders;
  }

  private async handle(mounted: MountedRoute, req: FastifyRequest, reply: FastifyReply) {
    const { route, createContext } = mounted;
    if (mounted.checksXsrf && !XSRF_HEADERS.some((h) => req.headers[h] !== undefined)) {
      return this.send(reply, responseFactory.badRequest({ body: 'Request must contain a osd-xsrf header.' }));
    }

    let request: OpenSearchDashboardsRequest;
    try {
      const validate = route.validate || {};
      const params = validatePart(validate.params, renameWildcard(req.params, mounted.wildcardParam), 'params');
      // Without a query validator the query is `{}` whatever was sent: no copy to make.
      const query = validate.query === undefined ? {} : validatePart(validate.query, { ...(req.query as object) }, 'query');
      const body = validatePart(validate.body, req.body, 'body');
      request = new ServerRequest(mounted.info, req, params, query, body, this.lifecycle);
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
    const info = routeInfo(route ?? { path: req.url, method: req.method.toLowerCase() as RouterRoute['method'], options: {} });
    return new ServerRequest(info, req, params, query, body, this.lifecycle);
  }

  private send(reply: FastifyReply, response: OpenSearchDashboardsResponse) {
    const { status, payload, headers } = response;
    reply.code(status);
    for (const [name, value] of this.customHeaders) reply.header(name, value);
    const lifecycleHeaders = (reply.request as InterceptedRequest)[LIFECYCLE_HEADERS];
    if (lifecycleHeaders) for (const name in lifecycleHeaders) reply.header(name, lifecycleHeaders[name]);
    for (const name in headers) reply.header(name, headers[name]);
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
