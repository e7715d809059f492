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
  /**
   * Registers the check run before the page leaves this app's current location: in-page navigation
   * (`navigateToApp`, `navigateToUrl`, the links core intercepts, to another app or another path of this
   * one) and unloading the page. A `confirm` answer asks the user first (a modal in the page, the browser's
   * own prompt on unload). Back/forward are not held. One handler per app; a later call replaces it.
   */
  onAppLeave(handler: AppLeaveHandler): void;
  /** Puts a menu into the header's right side while the app is mounted (undefined removes it). */
  setHeaderActionMenu(menuMount: MountPoint | undefined): void;
}

/** Go on without asking. */
export interface AppLeaveDefaultAction {
  type: 'default';
}

/** Ask first; `callback` runs once the user confirmed. */
export interface AppLeaveConfirmAction {
  type: 'confirm';
  text: string;
  title?: string;
  callback?: () => void;
  confirmButtonText?: string;
}

export type AppLeaveAction = AppLeaveDefaultAction | AppLeaveConfirmAction;

/** Builds the answers of a leave handler (upstream's `AppLeaveActionFactory`). */
export interface AppLeaveActionFactory {
  default(): AppLeaveDefaultAction;
  confirm(text: string, title?: string, callback?: () => void, confirmButtonText?: string): AppLeaveConfirmAction;
}

/**
 * Upstream's leave handler: `(actions) => hasUnsavedChanges ? actions.confirm(text, title) : actions.default()`.
 * `nextAppId` is where the page goes (the same app for a path inside it; undefined for another page or
 * an unload).
 */
export type AppLeaveHandler = (actions: AppLeaveActionFactory, nextAppId?: string) => AppLeaveAction;

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
  /**
   * Goes to an app (one history entry; the URL the page is at is replaced instead). The current app's
   * leave handler may ask the user first; the promise resolves once the page went, or stayed.
   */
  navigateToApp(appId: string, options?: NavigateToAppOptions): Promise<void>;
  /** Goes to a URL: inside the page when it belongs to an app, a full page load otherwise (same leave check). */
  navigateToUrl(url: string): Promise<void>;
  /** `<basePath>/app/<id><path>`, absolute with `absolute: true`. */
  getUrlForApp(appId: string, options?: { path?: string; absolute?: boolean }): string;
}
