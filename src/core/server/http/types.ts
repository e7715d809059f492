import { IRouter, OpenSearchDashboardsRequest, RequestHandlerContext, RequestHandlerContextProvider } from './router';
import { RequestObservation } from './http_server';
import type { HttpAuth, HttpLifecycleSetup } from './lifecycle';
import type { CorePageRenderer, HttpResources } from './resources';
import type { NotFoundPageRenderer } from './not_found';
import type { ICspConfig } from '../csp/csp_config';

/** `server.basePath` helpers. */
export interface IBasePath {
  /** The configured base path, '' when unset. */
  readonly serverBasePath: string;
  get(request?: OpenSearchDashboardsRequest): string;
  prepend(path: string): string;
  remove(path: string): string;
}

export interface HttpServerInfo {
  name: string;
  hostname: string;
  port: number;
  protocol: 'http' | 'https';
}

/**
 * What plugins get from `core.http` in setup: routers, route context, and the request interceptors
 * (`registerOnPreAuth`, `registerAuth`, `registerOnPostAuth`, `registerOnPreResponse`, `auth.get`).
 */
export interface HttpServiceSetup extends HttpLifecycleSetup {
  /** A router for this plugin's routes. Routes must be registered during setup. */
  createRouter(): IRouter;
  /** Adds `context[name]` to every route handler's context. */
  registerRouteHandlerContext<K extends string>(name: K, provider: RequestHandlerContextProvider<K>): void;
  basePath: IBasePath;
  getServerInfo(): HttpServerInfo;
  /** GET routes answered with the host page (`renderCoreApp`, `renderAnonymousCoreApp`) or a resource. */
  resources: HttpResources;
  /** The Content Security Policy every page is served with (`csp.*`), as upstream's `core.http.csp`. */
  csp: ICspConfig;
}

/** What core services get in addition. */
export interface InternalHttpServiceSetup extends HttpServiceSetup {
  createRouter(pluginId?: string): IRouter;
  onRequestFinished(observer: (o: RequestObservation) => void): void;
  /** Core's own context (`context.core`), built per request. */
  setCoreContextFactory(factory: (request: OpenSearchDashboardsRequest) => RequestHandlerContext['core']): void;
  /** `resources` for one plugin: its page routes are logged under its name. */
  createResources(pluginId?: string): HttpResources;
  /** How `renderCoreApp` / `renderAnonymousCoreApp` draw the page; set once, by the rendering service's owner. */
  setCorePageRenderer(renderer: CorePageRenderer): void;
  /**
   * How the HTML 404 page is drawn (the rendering service's `renderNotFoundPage`); set once. Without it every
   * unknown path gets the JSON 404. Which requests get the page is `wantsNotFoundPage`'s rule.
   */
  setNotFoundPageRenderer(renderer: NotFoundPageRenderer): void;
}

export interface HttpServiceStart {
  basePath: IBasePath;
  getServerInfo(): HttpServerInfo;
  /** What authentication found for a request. */
  auth: HttpAuth;
}
