import { CspConfig, type ICspConfig } from '../csp/csp_config';
import { Logger } from '../logging';
import { HttpConfig } from './http_config';
import { HttpServer } from './http_server';
import { HttpLifecycle } from './lifecycle';
import { wantsNotFoundPage, type NotFoundPageRenderer } from './not_found';
import { corePageHeaders, createHttpResources, type CorePageRenderer, type HttpResources } from './resources';
import { OpenSearchDashboardsRequest, RequestHandlerContext, RequestHandlerContextProvider, Router } from './router';
import { HttpServerInfo, HttpServiceStart, IBasePath, InternalHttpServiceSetup } from './types';

function createBasePath(serverBasePath: string): IBasePath {
  return {
    serverBasePath,
    get: () => serverBasePath,
    prepend: (path) => (serverBasePath && path.startsWith('/') && !path.startsWith(serverBasePath + '/') ? serverBasePath + path : path),
    remove: (path) =>
      serverBasePath && (path === serverBasePath || path.startsWith(serverBasePath + '/'))
        ? path.slice(serverBasePath.length) || '/'
        : path,
  };
}

/**
 * Owns the HTTP server: hands out routers in setup, mounts every route and starts listening in start. A route
 * handler's context is built lazily per request from core's factory plus the plugins' providers.
 */
export class HttpService {
  private readonly server: HttpServer;
  private readonly lifecycle = new HttpLifecycle();
  private readonly routers: Router[] = [];
  private readonly providers = new Map<string, RequestHandlerContextProvider<any>>();
  private coreContext?: (request: OpenSearchDashboardsRequest) => RequestHandlerContext['core'];
  private pageRenderer?: CorePageRenderer;
  private readonly basePath: IBasePath;
  private boundPort: number;

  constructor(
    private readonly config: HttpConfig,
    private readonly log: Logger,
    private readonly csp: ICspConfig = CspConfig.DEFAULT
  ) {
    this.server = new HttpServer(config, log.get('server'), this.lifecycle);
    this.basePath = createBasePath(config.basePath);
    this.boundPort = config.port;
  }

  public setup(): InternalHttpServiceSetup {
    return {
      createRouter: (pluginId?: string) => this.createRouter(pluginId),
      registerRouteHandlerContext: (name, provider) => {
        if (name === 'core') throw new Error('The route handler context name [core] is reserved.');
        if (this.providers.has(name)) {
          throw new Error(`A route handler context named [${name}] is already registered.`);
        }
        this.providers.set(name, provider);
      },
      ...this.lifecycle.setup(),
      basePath: this.basePath,
      getServerInfo: () => this.serverInfo(),
      onRequestFinished: (observer) => this.server.onRequestFinished(observer),
      setCoreContextFactory: (factory) => {
        this.coreContext = factory;
      },
      resources: this.createResources(),
      csp: this.csp,
      createResources: (pluginId) => this.createResources(pluginId),
      setCorePageRenderer: (renderer) => {
        if (this.pageRenderer) throw new Error('The core page renderer is already set.');
        this.pageRenderer = renderer;
      },
      setNotFoundPageRenderer: (renderer) => this.setNotFoundPageRenderer(renderer),
    };
  }

  /** The HTML page browsers get for unknown page addresses, with the headers of every other page. */
  private setNotFoundPageRenderer(renderer: NotFoundPageRenderer) {
    if (typeof renderer !== 'function') throw new Error('setNotFoundPageRenderer needs a function that returns the HTML of the page.');
    const headers = corePageHeaders(this.csp);
    this.server.setNotFoundPage((request) => (wantsNotFoundPage(request) ? { body: renderer(), headers: { ...headers } } : undefined));
  }

  private createRouter(pluginId?: string) {
    const router = new Router('', this.log.get('router'), pluginId);
    this.routers.push(router);
    return router;
  }

  /** Page routes on a router of their own (so a failing handler is logged with its plugin's name). */
  private createResources(pluginId?: string): HttpResources {
    return createHttpResources(this.createRouter(pluginId), () => this.pageRenderer, this.csp);
  }

  public async start(): Promise<HttpServiceStart> {
    this.lifecycle.close();
    for (const router of this.routers) {
      router.lock();
      for (const route of router.routes) this.server.mount(route, (request) => this.createContext(request));
    }
    const { port } = await this.server.start();
    this.boundPort = port;
    this.log.info(`http server running at ${this.protocol}://${this.config.host}:${port}${this.config.basePath}`);
    if (!this.lifecycle.hasAuthHandler) {
      // Whatever plugin was meant to authenticate (ours: `security.enabled: false`) left no auth handler.
      this.log.warn(
        `No authentication is configured (security.enabled is false or no security plugin registered one): anyone who can reach port ${port} can use every API, including opt-in and settings.`
      );
    }
    return { basePath: this.basePath, getServerInfo: () => this.serverInfo(), auth: this.lifecycle.auth };
  }

  public async stop() {
    await this.server.stop();
  }

  private get protocol() {
    return this.config.tls ? ('https' as const) : ('http' as const);
  }

  private serverInfo(): HttpServerInfo {
    return { name: this.config.name, hostname: this.config.host, port: this.boundPort, protocol: this.protocol };
  }

  private async createContext(request: OpenSearchDashboardsRequest): Promise<RequestHandlerContext> {
    const context = {} as RequestHandlerContext;
    let core: RequestHandlerContext['core'] | undefined;
    // Lazy, so a route that never touches saved objects never builds a client.
    Object.defineProperty(context, 'core', {
      enumerable: true,
      get: () => {
        if (!core) {
          if (!this.coreContext) throw new Error('The core request handler context is not available yet.');
          core = this.coreContext(request);
        }
        return core;
      },
    });
    for (const [name, provider] of this.providers) {
      context[name] = await provider(context, request);
    }
    return context;
  }
}
