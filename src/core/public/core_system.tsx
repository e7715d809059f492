import React from 'react';
import ReactDOM from 'react-dom';
import { ApplicationService, createBrowserHistory } from './application';
import { parseAppPath } from './application/app_url';
import { interceptAppLinks } from './application/intercept_app_links';
import { ChromeService } from './chrome';
import { DocLinksService } from './doc_links';
import { FatalErrorsService } from './fatal_errors';
import { HttpService } from './http';
import { InjectedMetadataService } from './injected_metadata/injected_metadata_service';
import { InjectedMetadata } from './injected_metadata/types';
import { NotificationsService } from './notifications';
import { OverlayService } from './overlays';
import { PluginsService } from './plugins';
import { PluginModule } from './plugins/types';
import { CoreRoot } from './rendering/core_root';
import { CoreSetup, CoreStart } from './types';
import { UiSettingsService } from './ui_settings';

export interface CoreSystemParams {
  rootDomElement: HTMLElement;
  injectedMetadata: InjectedMetadata;
  /** Each browser plugin's `public/index` module, by plugin id (the bundle's generated entry fills this). */
  pluginModules: Record<string, PluginModule>;
}

const I18nContext: CoreStart['i18n']['Context'] = ({ children }) => <>{children}</>;

/**
 * The browser host: creates the core services from the page's metadata, runs every public half through
 * setup and start, then renders the page. A failure before the page is up shows the fatal error screen.
 */
export class CoreSystem {
  private readonly fatalErrors: FatalErrorsService;
  private readonly injectedMetadata: InjectedMetadataService;
  private readonly http: HttpService;
  private readonly uiSettings = new UiSettingsService();
  private readonly notifications = new NotificationsService();
  private readonly overlays = new OverlayService();
  private readonly chrome = new ChromeService();
  private readonly docLinks = new DocLinksService();
  private readonly application: ApplicationService;
  private readonly plugins: PluginsService;
  private removeLinkInterceptor?: () => void;

  constructor(private readonly params: CoreSystemParams) {
    const metadata = params.injectedMetadata;
    this.fatalErrors = new FatalErrorsService(params.rootDomElement, () => this.stop());
    this.injectedMetadata = new InjectedMetadataService(metadata);
    this.http = new HttpService({ basePath: metadata.basePath, serverBasePath: metadata.serverBasePath, version: metadata.version });
    this.application = new ApplicationService({
      basePath: this.http.setup().basePath,
      capabilities: metadata.capabilities,
      history: createBrowserHistory(),
      getDefaultRoute: () => {
        const route = this.uiSettings.start().get<string>('defaultRoute', metadata.defaultRoute);
        return typeof route === 'string' && /^\/(?!\/)/.test(route) ? route : metadata.defaultRoute;
      },
    });
    this.plugins = new PluginsService({ plugins: metadata.uiPlugins, modules: params.pluginModules, env: metadata.env });
  }

  /** Sets up and starts everything; resolves when the page is rendered (or the fatal screen shown). */
  public async run() {
    try {
      await this.setup();
      await this.start();
    } catch (e) {
      const error = e as Error;
      this.fatalErrors.record({ message: error.message, stack: error.stack, source: 'core' });
    }
  }

  private async setup() {
    const injectedMetadata = this.injectedMetadata.setup();
    const http = this.http.setup();
    const uiSettings = this.uiSettings.setup({ http, injectedMetadata });
    const notifications = this.notifications.setup({ uiSettings });
    const application = this.application.setup();
    const fatalErrors = this.fatalErrors.setup();
    await this.plugins.setup<CoreSetup>((pluginId, startServices) => ({
      application,
      fatalErrors,
      http,
      notifications,
      uiSettings,
      injectedMetadata: { getInjectedVar: injectedMetadata.getInjectedVar },
      getStartServices: () => startServices as Promise<any>,
    }));
  }

  private async start() {
    const injectedMetadata = this.injectedMetadata.start();
    const http = this.http.start();
    const uiSettings = this.uiSettings.start();
    const notifications = this.notifications.start();
    const overlays = this.overlays.start();
    const application = this.application.start({ openConfirm: overlays.openConfirm });
    const chrome = this.chrome.start({ application });
    const docLinks = this.docLinks.start({ version: injectedMetadata.getOpenSearchDashboardsVersion() });
    const coreStart: CoreStart = {
      application,
      chrome,
      docLinks,
      http,
      i18n: { Context: I18nContext },
      notifications,
      overlays,
      uiSettings,
      injectedMetadata,
      fatalErrors: this.fatalErrors.start(),
    };
    await this.plugins.start(() => coreStart);

    const toasts = this.notifications.getToastsApi();
    this.removeLinkInterceptor = interceptAppLinks(document.body, application, (url) => {
      const path = http.basePath.remove(url.pathname);
      return url.pathname.startsWith(http.basePath.get() || '/') && Boolean(parseAppPath(path, new Map()));
    });
    ReactDOM.render(
      <CoreRoot
        application={this.application}
        applicationStart={application}
        chrome={chrome}
        loadingCount$={http.getLoadingCount$()}
        banners$={overlays.banners.get$()}
        flyout$={this.overlays.flyouts.active$}
        confirm$={this.overlays.modals.active$}
        toasts$={toasts.get$()}
        dismissToast={(toast) => toasts.remove(toast)}
      />,
      this.params.rootDomElement
    );
  }

  public stop() {
    this.removeLinkInterceptor?.();
    this.notifications.stop();
  }
}
