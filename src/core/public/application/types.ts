import { Observable } from 'rxjs';
import { Capabilities } from '../injected_metadata/types';
import { MountPoint, UnmountCallback } from '../utils/mount';
import type { ScopedHistory } from './scoped_history';

export type AppNavLinkStatus = 'default' | 'visible' | 'hidden';

/**
 * An application a plugin registers: it owns `/app/<id>/...` (or its own `appRoute`) and draws into the
 * element it is given.
 */
export interface App {
  /** Unique; the URL is `/app/<id>` unless `appRoute` says otherwise. */
  id: string;
  title: string;
  /** Renders the app; returns how to tear it down. Errors show an error screen for this app only. */
  mount(params: AppMountParameters): UnmountCallback | Promise<UnmountCallback>;
  /** Sort key in the header and on the home page (lower first). */
  order?: number;
  /** OUI icon name. */
  euiIconType?: string;
  description?: string;
  /** `hidden` keeps it out of the header and home page (it still answers its URL). */
  navLinkStatus?: AppNavLinkStatus;
  /**
   * The app's own route, upstream's `appRoute`; defaults to `/app/<id>`. A route outside `/app/` (such as
   * `/login`) needs a server route that answers it with the page too.
   */
  appRoute?: string;
  /** Hides the header while this app is shown (login and other full-screen pages). */
  chromeless?: boolean;
}

/** What an app's `mount` receives. */
export interface AppMountParameters {
  /** The element to render into; emptied by the host after unmount. */
  element: HTMLElement;
  /** `<basePath>/app/<id>` (or `<basePath><appRoute>`), for building links. */
  appBasePath: string;
  /** Navigation inside the app, with paths relative to `appBasePath`. */
  history: ScopedHistory;
  /** Registers a check run before leaving the app (kept for upstream compatibility; not enforced). */
  onAppLeave(handler: (actions: unknown) => unknown): void;
  /** Puts a menu into the header's right side while the app is mounted (undefined removes it). */
  setHeaderActionMenu(menuMount: MountPoint | undefined): void;
}

/** A registered app as others see it (no `mount`). */
export interface PublicAppInfo {
  id: string;
  title: string;
  order: number;
  euiIconType?: string;
  description?: string;
  navLinkStatus: AppNavLinkStatus;
  appRoute: string;
  chromeless: boolean;
}

export interface NavigateToAppOptions {
  /** Path inside the app, e.g. `/opensearch-dashboards/settings` or `#/x`. */
  path?: string;
  state?: unknown;
  /** Replace the current history entry instead of adding one. */
  replace?: boolean;
}

export interface ApplicationSetup {
  /** Registers an app; only during setup, one id once. */
  register(app: App): void;
}

export interface ApplicationStart {
  capabilities: Capabilities;
  /** Every registered app, in `order`. */
  applications$: Observable<ReadonlyMap<string, PublicAppInfo>>;
  /** The id of the app in the URL (`/app/<id>`); undefined when the URL names no app. */
  currentAppId$: Observable<string | undefined>;
  navigateToApp(appId: string, options?: NavigateToAppOptions): Promise<void>;
  /** Goes to a URL: inside the page when it belongs to an app, a full page load otherwise. */
  navigateToUrl(url: string): Promise<void>;
  /** `<basePath>/app/<id><path>`, absolute with `absolute: true`. */
  getUrlForApp(appId: string, options?: { path?: string; absolute?: boolean }): string;
}
