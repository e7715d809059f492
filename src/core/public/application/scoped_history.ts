/** A location inside one app: `pathname` is relative to the app's base path and starts with '/'. */
export interface AppLocation {
  pathname: string;
  search: string;
  hash: string;
  state?: unknown;
}

/** What the application service lets an app's history do. */
export interface AppNavigator {
  /** The current location of the whole page, base path removed. */
  getLocation(): AppLocation;
  navigate(url: string, options: { replace?: boolean; state?: unknown }): void;
  listen(listener: (location: AppLocation) => void): () => void;
  prependBasePath(path: string): string;
}

/**
 * An app's view of the browser history, with paths relative to the app (`/opensearch-dashboards/settings`
 * inside the `management` app). A small stand-in for upstream's `ScopedHistory`.
 */
export class ScopedHistory {
  constructor(private readonly navigator: AppNavigator, private readonly appRoute: string) {}

  public get location(): AppLocation {
    const location = this.navigator.getLocation();
    return { ...location, pathname: this.relative(location.pathname) };
  }

  public push(path: string | Partial<AppLocation>, state?: unknown) {
    this.navigator.navigate(this.absolute(path), { state });
  }

  public replace(path: string | Partial<AppLocation>, state?: unknown) {
    this.navigator.navigate(this.absolute(path), { replace: true, state });
  }

  public goBack() {
    window.history.back();
  }

  /** Calls `listener` on every location change inside this app; returns the unsubscribe function. */
  public listen(listener: (location: AppLocation) => void) {
    return this.navigator.listen((location) => {
      if (!this.owns(location.pathname)) return;
      listener({ ...location, pathname: this.relative(location.pathname) });
    });
  }

  /** The full URL of a location inside the app, for `href`. */
  public createHref(location: string | Partial<AppLocation>) {
    return this.navigator.prependBasePath(this.absolute(location));
  }

  /**
   * The history of one part of the app (`/opensearch-dashboards/users` inside `management`): `/` there is
   * `basePath` here. It writes to the page's history directly, so one `push` is one entry.
   */
  public createSubHistory(basePath: string): ScopedHistory {
    return new ScopedHistory(this.navigator, this.absolute(basePath));
  }

  private owns(pathname: string) {
    return pathname === this.appRoute || pathname.startsWith(`${this.appRoute}/`);
  }

  private relative(pathname: string) {
    return this.owns(pathname) ? pathname.slice(this.appRoute.length) || '/' : pathname;
  }

  private absolute(path: string | Partial<AppLocation>) {
    const given = typeof path === 'string' ? path : `${path.pathname ?? ''}${path.search ?? ''}${path.hash ?? ''}`;
    // The root with a query is `<route>?q`, not `<route>/?q`, as the root alone is `<route>`.
    const text = /^\/[?#]/.test(given) ? given.slice(1) : given;
    if (text === '' || text === '/') return this.appRoute;
    if (text.startsWith('?') || text.startsWith('#')) return `${this.appRoute}${text}`;
    return `${this.appRoute}${text.startsWith('/') ? '' : '/'}${text}`;
  }
}
