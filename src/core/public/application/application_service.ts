import { BehaviorSubject, Observable, Subject } from 'rxjs';
import { distinctUntilChanged, map } from 'rxjs/operators';
import { IBasePath } from '../http/types';
import { Capabilities } from '../injected_metadata/types';
import { MountPoint } from '../utils/mount';
import { confirmLeave, getLeaveAction } from './app_leave';
import { joinAppPath, parseAppPath } from './app_url';
import { PageHistory } from './browser_history';
import { AppLocation, AppNavigator, ScopedHistory } from './scoped_history';
import {
  App,
  AppLeaveAction,
  AppLeaveConfirmAction,
  AppLeaveHandler,
  AppMountParameters,
  ApplicationSetup,
  ApplicationStart,
  NavigateToAppOptions,
  PublicAppInfo,
} from './types';

export interface ApplicationServiceDeps {
  basePath: IBasePath;
  capabilities: Capabilities;
  history: PageHistory;
  /** Where `/` goes, e.g. `/app/home` (read when the page starts: the `defaultRoute` setting may change it). */
  getDefaultRoute(): string;
}

export interface ApplicationStartDeps {
  /** Asks the user before leaving an app that said `confirm` (core's confirm modal); without it the page goes on. */
  openConfirm?(text: string, options: { title?: string; confirmButtonText?: string; cancelButtonText?: string }): Promise<boolean>;
}

/** What the page renders for the current URL. */
export interface CurrentApp {
  appId?: string;
  /** The registered app, undefined when the URL names no known app. */
  app?: App;
}

/**
 * Registered apps and the URL: maps `<basePath>/app/<id>/...` to an app, keeps `currentAppId$` in step with
 * the address bar (push, replace, back/forward), and builds each app's mount parameters.
 */
export class ApplicationService {
  private readonly apps = new Map<string, App>();
  private started = false;
  private readonly location$ = new Subject<AppLocation>();
  private readonly current$ = new BehaviorSubject<CurrentApp>({});
  /** Each mounted app's leave handler, by app id; dropped when the page leaves the app. */
  private readonly leaveHandlers = new Map<string, AppLeaveHandler>();
  private openConfirm: NonNullable<ApplicationStartDeps['openConfirm']> = async () => true;
  /** Set when the user already confirmed a full page load: the browser must not ask a second time. */
  private unloadConfirmed = false;
  public readonly actionMenu$ = new BehaviorSubject<MountPoint | undefined>(undefined);

  constructor(private readonly deps: ApplicationServiceDeps) {}

  public setup(): ApplicationSetup {
    return {
      register: (app) => {
        if (this.started) throw new Error(`Applications cannot be registered after "setup" (app "${app?.id}").`);
        if (!app || typeof app.id !== 'string' || !app.id) throw new Error('An application needs an "id".');
        if (typeof app.mount !== 'function') throw new Error(`Application "${app.id}" needs a "mount" function.`);
        if (this.apps.has(app.id)) throw new Error(`An application is already registered with the id "${app.id}"`);
        if (app.appRoute !== undefined) this.checkAppRoute(app);
        this.apps.set(app.id, app);
      },
    };
  }

  public start({ openConfirm }: ApplicationStartDeps = {}): ApplicationStart {
    this.started = true;
    if (openConfirm) this.openConfirm = openConfirm;
    const { history, basePath } = this.deps;
    history.onPop(() => this.locationChanged());
    history.onBeforeUnload(() => !this.unloadConfirmed && getLeaveAction(this.currentLeaveHandler()).type === 'confirm');
    const here = basePath.remove(history.getLocation().pathname);
    if (here === '/' || here === '') history.replace(basePath.prepend(this.deps.getDefaultRoute()));
    this.locationChanged();

    const applications$ = new BehaviorSubject<ReadonlyMap<string, PublicAppInfo>>(this.publicApps());
    return {
      capabilities: this.deps.capabilities,
      applications$: applications$.asObservable(),
      currentAppId$: this.current$.pipe(
        map((c) => c.appId),
        distinctUntilChanged()
      ),
      navigateToApp: async (appId, options) => this.navigateToApp(appId, options),
      navigateToUrl: async (url) => this.navigateToUrl(url),
      getUrlForApp: (appId, { path, absolute } = {}) => {
        const url = basePath.prepend(joinAppPath(this.routeOf(appId), path));
        return absolute ? `${history.origin()}${url}` : url;
      },
    };
  }

  /** Internal: what the page renders. */
  public getCurrent$(): Observable<CurrentApp> {
    return this.current$.asObservable();
  }

  /** Internal: the parameters for one mount of an app. */
  public createMountParams(app: App, element: HTMLElement): AppMountParameters {
    const appRoute = this.routeOf(app.id);
    return {
      element,
      appBasePath: this.deps.basePath.prepend(appRoute),
      history: new ScopedHistory(this.navigator, appRoute),
      onAppLeave: (handler) => this.leaveHandlers.set(app.id, handler),
      setHeaderActionMenu: (menu) => this.actionMenu$.next(menu),
    };
  }

  private readonly navigator: AppNavigator = {
    getLocation: () => this.currentLocation(),
    navigate: (url, { replace, state }) => {
      const full = this.deps.basePath.prepend(url);
      if (replace) this.deps.history.replace(full, state);
      else this.deps.history.push(full, state);
      this.locationChanged();
    },
    listen: (listener) => {
      const subscription = this.location$.subscribe(listener);
      return () => subscription.unsubscribe();
    },
    prependBasePath: (path) => this.deps.basePath.prepend(path),
  };

  /**
   * Going to the URL the page is at replaces the entry, as a browser does for a link to the current page,
   * so clicking the current app's link adds no history entry. Without a leave question the navigation
   * happens at once (synchronously); with one, after the user's answer.
   */
  private navigateToApp(appId: string, { path, state, replace }: NavigateToAppOptions = {}) {
    const url = joinAppPath(this.routeOf(appId), path);
    const current = this.isCurrentUrl(url);
    return this.afterLeaveCheck(current ? undefined : getLeaveAction(this.currentLeaveHandler(), appId), () =>
      this.navigator.navigate(url, { state, replace: replace || current })
    );
  }

  private navigateToUrl(url: string) {
    const { history, basePath } = this.deps;
    const parsed = new URL(url, `${history.origin()}${history.getLocation().pathname}`);
    const inPage = parsed.origin === history.origin() && parseAppPath(basePath.remove(parsed.pathname), this.routes());
    const belongs = inPage && parsed.pathname.startsWith(basePath.get() || '/');
    if (belongs && this.apps.has(inPage.appId)) {
      const appUrl = basePath.remove(`${parsed.pathname}${parsed.search}${parsed.hash}`);
      const current = this.isCurrentUrl(appUrl);
      return this.afterLeaveCheck(current ? undefined : getLeaveAction(this.currentLeaveHandler(), inPage.appId), () =>
        this.navigator.navigate(appUrl, { replace: current })
      );
    }
    const action = getLeaveAction(this.currentLeaveHandler());
    return this.afterLeaveCheck(action, () => {
      // Already asked here: the browser must not ask again as the page unloads.
      this.unloadConfirmed = action.type === 'confirm';
      history.assign(parsed.href);
    });
  }

  /** Runs `go` now when nothing needs asking, else once the user confirmed; resolves when done. */
  private async afterLeaveCheck(action: AppLeaveAction | undefined, go: () => void) {
    if (!action || action.type === 'default') return go();
    if (await confirmLeave(action, (a) => this.askToLeave(a))) go();
  }

  private askToLeave({ text, title, confirmButtonText }: AppLeaveConfirmAction) {
    return this.openConfirm(text, {
      title: title ?? 'Leave this page?',
      confirmButtonText: confirmButtonText ?? 'Leave',
      cancelButtonText: 'Stay',
    });
  }

  private currentLeaveHandler() {
    const appId = this.current$.value.appId;
    return appId ? this.leaveHandlers.get(appId) : undefined;
  }

  private isCurrentUrl(url: string) {
    const { pathname, search, hash } = this.currentLocation();
    return url === `${pathname}${search}${hash}`;
  }

  private currentLocation(): AppLocation {
    const location = this.deps.history.getLocation();
    return { ...location, pathname: this.deps.basePath.remove(location.pathname) };
  }

  private locationChanged() {
    const location = this.currentLocation();
    const parsed = parseAppPath(location.pathname, this.routes());
    const appId = parsed?.appId;
    const previousAppId = this.current$.value.appId;
    if (appId !== previousAppId) {
      this.actionMenu$.next(undefined);
      // The app is being unmounted; its next mount registers a handler again.
      if (previousAppId) this.leaveHandlers.delete(previousAppId);
    }
    if (appId !== this.current$.value.appId || this.apps.get(appId ?? '') !== this.current$.value.app) {
      this.current$.next({ appId, app: appId ? this.apps.get(appId) : undefined });
    }
    this.location$.next(location);
  }

  /**
   * Upstream's rules: a route is an absolute path without a trailing slash, and `/app/…` belongs to the
   * app with that id only; two apps cannot share a route (the URL would name both).
   */
  private checkAppRoute(app: App) {
    const route = app.appRoute!;
    if (typeof route !== 'string' || !/^\/[^/?#]/.test(route) || /[?#]/.test(route)) {
      throw new Error(`Application "${app.id}": "appRoute" must be a path such as "/login" (got "${route}").`);
    }
    if (route.endsWith('/')) throw new Error(`Application "${app.id}": "appRoute" cannot end with a "/".`);
    if ((route === '/app' || route.startsWith('/app/')) && route !== `/app/${app.id}`) {
      throw new Error(`Application "${app.id}": "appRoute" cannot be under "/app/" unless it is "/app/${app.id}".`);
    }
    const taken = [...this.apps.keys()].find((id) => this.routeOf(id) === route);
    if (taken) throw new Error(`Application "${app.id}": the route "${route}" belongs to the application "${taken}".`);
  }

  private routeOf(appId: string) {
    return this.apps.get(appId)?.appRoute ?? `/app/${appId}`;
  }

  private routes(): ReadonlyMap<string, string> {
    return new Map([...this.apps.keys()].map((id) => [id, this.routeOf(id)]));
  }

  private publicApps(): ReadonlyMap<string, PublicAppInfo> {
    const infos = [...this.apps.values()].map((app) => ({
      id: app.id,
      title: app.title,
      order: app.order ?? 0,
      euiIconType: app.euiIconType,
      description: app.description,
      navLinkStatus: app.navLinkStatus ?? 'default',
      appRoute: this.routeOf(app.id),
      chromeless: app.chromeless === true,
    }));
    infos.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
    return new Map(infos.map((info) => [info.id, info]));
  }
}
