import { schema } from '@osd/config-schema';
import { Env } from '../config';
import type { ICspConfig } from '../csp';
import {
  corePageHeaders,
  CorePageRenderOptions,
  IBasePath,
  IRouter,
  OpenSearchDashboardsRequest,
  OpenSearchDashboardsResponseFactory,
  RequestHandlerContext,
} from '../http';
import { Logger } from '../logging';
import { UiPluginInfo } from '../plugins/plugins_service';
import type { Capabilities } from '../capabilities';
import { UiSettingsParams, UiSettingsServiceSetup } from '../ui_settings';
import { DARK_MODE_SETTING } from '../ui_settings/settings';
import { getUiBundle, THEME_FILES, UiBundle } from './bundler';
import { ENTRY_CSS, initialChunks } from './bundle_outputs';
import { createInjectedMetadata } from './injected_metadata';
import { renderNotFoundPage } from './not_found_page';
import { FAVICON_SVG, renderTemplate } from './render_template';
import { createValidationLookup, withValidation } from './setting_validation';
import { isPageRoute, pageUiSettings } from './ui_settings';

export interface RenderingServiceOptions {
  env: Env;
  logger: Logger;
  /** Where built bundles are kept; defaults to `<repo>/target/public/bundles`. */
  cacheDir?: string;
}

export interface RenderingSetupDeps {
  router: IRouter;
  /** `csp.*`: the policy the pages are served with, as `core.http.resources` pages are. */
  csp: Pick<ICspConfig, 'header'>;
  basePath: IBasePath;
  uiPlugins: UiPluginInfo[];
  serverUuid: string;
  serverName: string;
  /** `server.defaultRoute`; `/app/home` when unset. The `defaultRoute` UI setting overrides it. */
  defaultRoute?: string;
  /** Where the page's own settings (`defaultRoute`, `notifications:lifetime:*`) are registered. */
  uiSettings: UiSettingsServiceSetup;
  /**
   * Every registered setting with its schema (`UiSettingsService.getRegisteredDefaults`), read after start,
   * so the page carries the checks the browser can run for each. Without it only the page's own settings
   * get them.
   */
  getRegisteredSettings?(): Readonly<Record<string, UiSettingsParams>>;
  /** The capabilities of this page's caller (core's capabilities service, once started). */
  resolveCapabilities(request: OpenSearchDashboardsRequest): Promise<Capabilities>;
}

export interface RenderingServiceSetup {
  /** The host page's HTML for this request; `core.http.resources` answers with it. */
  render(context: RequestHandlerContext, request: OpenSearchDashboardsRequest, options: CorePageRenderOptions): Promise<string>;
  /**
   * The HTML of the "Page not found" page (links home under the base path). For the HTTP server's not-found
   * handler (`http.setNotFoundPageRenderer`), which decides who gets it and adds the page headers.
   */
  renderNotFoundPage(): string;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The browser half's server side: builds the bundle of every `ui: true` plugin (at start-up, cached across
 * restarts) and serves the HTML page at `/` and `/app/*`, the bundle under `/ui/bundles/<hash>/`.
 */
export class RenderingService {
  private bundle?: UiBundle;
  /** The chunks every page needs (those `osd.js` imports statically), worked out once per bundle. */
  private preloadScripts: string[] = [];
  private building?: Promise<UiBundle>;
  private deps?: RenderingSetupDeps;
  private getValidation?: ReturnType<typeof createValidationLookup>;

  constructor(private readonly options: RenderingServiceOptions) {}

  /** Registers the routes and the page's settings, and starts building the bundle (awaited in `start`). */
  public setup(deps: RenderingSetupDeps): RenderingServiceSetup {
    const { env, logger, cacheDir } = this.options;
    this.deps = deps;
    const ownSettings = pageUiSettings(deps.defaultRoute ?? '/app/home');
    deps.uiSettings.register(ownSettings);
    this.getValidation = createValidationLookup(() => deps.getRegisteredSettings?.() ?? ownSettings);
    this.building = getUiBundle({
      repoRoot: env.homeDir,
      plugins: deps.uiPlugins.map((p) => ({ id: p.id, path: p.path })),
      dev: env.mode.dev,
      cacheDir,
      logger,
    });
    // Awaited in start(); this keeps a failed setup elsewhere from also reporting an unhandled rejection.
    this.building.catch(() => undefined);
    this.registerRoutes(deps);
    // The same for every request: drawn once.
    const notFoundPage = renderNotFoundPage({ homeHref: deps.basePath.prepend('/'), faviconUrl: deps.basePath.prepend('/ui/favicon.svg') });
    return {
      render: (context, request, options) => this.render(context, request, options),
      renderNotFoundPage: () => notFoundPage,
    };
  }

  /** Waits for the bundle. A plugin whose public code does not build stops the start here. */
  public async start() {
    if (!this.building) throw new Error('RenderingService.start() called before setup()');
    this.bundle = await this.building;
    this.preloadScripts = initialChunks(this.bundle.graph);
    if (this.bundle.fromCache) this.options.logger.info(`browser bundle ${this.bundle.buildHash} loaded from cache`);
  }

  /**
   * The page for one request. Without user settings (a page served before sign-in) no stored value is read:
   * the browser starts from the registered defaults. Capabilities are always the request's own, so an
   * anonymous caller gets what the switchers allow nobody in particular.
   */
  public async render(context: RequestHandlerContext, request: OpenSearchDashboardsRequest, { includeUserSettings }: CorePageRenderOptions) {
    const deps = this.deps;
    if (!deps) throw new Error('RenderingService.render() called before setup()');
    const { basePath } = deps;
    const bundle = this.getBundle();
    const client = context.core.uiSettings.client;
    const defaults = client.getRegistered();
    const user = includeUserSettings ? await client.getUserProvided() : {};
    const metadata = createInjectedMetadata({
      env: this.options.env,
      basePath: basePath.serverBasePath,
      serverUuid: deps.serverUuid,
      serverName: deps.serverName,
      defaultRoute: deps.defaultRoute ?? '/app/home',
      uiPlugins: deps.uiPlugins,
      capabilities: await deps.resolveCapabilities(request),
      uiSettings: {
        defaults: withValidation(defaults, this.getValidation?.() ?? {}),
        user,
      },
    });
    // The caller's value (or the override), else the registered default; a page before sign-in gets the default.
    const darkMode = (user[DARK_MODE_SETTING]?.userValue ?? defaults[DARK_MODE_SETTING]?.value) === true;
    const themeFile = THEME_FILES[darkMode ? 'dark' : 'light'];
    return renderTemplate({
      metadata,
      bundlesUrl: basePath.prepend(`/ui/bundles/${bundle.buildHash}`),
      faviconUrl: basePath.prepend('/ui/favicon.svg'),
      hasCss: bundle.files.has(ENTRY_CSS),
      preloadScripts: this.preloadScripts,
      themeCss: bundle.files.has(themeFile) ? themeFile : undefined,
      darkMode,
    });
  }

  private registerRoutes(deps: RenderingSetupDeps) {
    const { router, basePath } = deps;
    const defaultRoute = deps.defaultRoute ?? '/app/home';
    const pageHeaders = corePageHeaders(deps.csp);
    const page = async (context: RequestHandlerContext, request: OpenSearchDashboardsRequest, response: OpenSearchDashboardsResponseFactory) =>
      response.ok({ body: await this.render(context, request, { includeUserSettings: true }), headers: { ...pageHeaders } });

    router.get({ path: '/', validate: false, options: { authRequired: 'optional' } }, page);
    router.get({ path: '/app/{path*}', validate: { params: schema.object({ path: schema.maybe(schema.string()) }) } }, page);
    // `/app` alone leads where `/` does: the `defaultRoute` setting as the caller's settings have it.
    router.get({ path: '/app', validate: false }, async (context, _request, response) => {
      let route = defaultRoute;
      try {
        const value = (await context.core.uiSettings.client.get('defaultRoute')) as unknown;
        if (isPageRoute(value)) route = value;
      } catch (e) {
        this.options.logger.warn(`could not read the defaultRoute setting, using ${defaultRoute}: ${(e as Error).message}`);
      }
      return response.redirected({ headers: { location: basePath.prepend(route) } });
    });

    router.get(
      {
        path: '/ui/bundles/{buildHash}/{file}',
        validate: { params: schema.object({ buildHash: schema.string(), file: schema.string() }) },
        // The login page needs the bundle before anyone is signed in; it holds no data.
        options: { authRequired: false },
      },
      async (_context, request, response) => {
        const bundle = this.getBundle();
        // Only names the build produced (`osd.js`, its chunks, the stylesheets, maps): nothing is read from disk here.
        const file = bundle.files.get(request.params.file);
        if (!file) return response.notFound();
        const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
        const gzipped = acceptsGzip ? file.gzipped() : undefined;
        const useGzip = gzipped !== undefined;
        return response.ok({
          body: gzipped ?? file.content,
          headers: {
            'content-type': file.contentType,
            // A page from before a rebuild asks for the old hash: it gets the current file, not cached.
            'cache-control': request.params.buildHash === bundle.buildHash ? IMMUTABLE : 'no-cache',
            vary: 'accept-encoding',
            ...(useGzip ? { 'content-encoding': 'gzip' } : {}),
          },
        });
      }
    );

    router.get({ path: '/ui/favicon.svg', validate: false, options: { authRequired: false } }, async (_context, _request, response) =>
      response.ok({ body: FAVICON_SVG, headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' } })
    );
  }

  private getBundle() {
    if (!this.bundle) throw new Error('The browser bundle is not ready: RenderingService.start() has not finished.');
    return this.bundle;
  }
}
