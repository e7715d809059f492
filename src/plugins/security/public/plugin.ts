import type { CoreSetup, CoreStart, Plugin, PluginInitializerContext } from '../../../core/public';
import { LOGIN_APP_ROUTE } from './login/next_url';
import { USERS_SECTION_ID, USERS_SECTION_TITLE } from './management/access';
import type {
  AuthenticatedUser,
  BrowserLocation,
  SecurityPublicConfig,
  SecurityPublicPluginSetup,
  SecurityPublicPluginSetupDeps,
  SecurityPublicPluginStart,
} from './types';

/** Upstream's id of the login app. */
export const LOGIN_APP_ID = 'security_login';
/** After the other header controls (lower orders come first, left to right). */
const USER_MENU_ORDER = 2000;
/** Management side nav: after Advanced settings and most sections of other plugins. */
const USERS_SECTION_ORDER = 500;

const windowLocation: BrowserLocation = {
  pathname: () => window.location.pathname,
  origin: () => window.location.origin,
  assign: (url) => window.location.assign(url),
};

/**
 * The browser half of the security plugin: the login page at `/login` (chromeless, reachable without a
 * session), the header's user menu with "Log out", and Management → "Users and API keys". With
 * `security.enabled: false` on the server it is still bundled but does nothing at all: no app, no section,
 * no call to `/api/security/me` (which would be a 404).
 */
export class SecurityPublicPlugin implements Plugin<SecurityPublicPluginSetup, SecurityPublicPluginStart, SecurityPublicPluginSetupDeps> {
  private readonly enabled: boolean;
  private currentUser: Promise<AuthenticatedUser | undefined> = Promise.resolve(undefined);

  constructor(initializerContext: PluginInitializerContext<SecurityPublicConfig>, private readonly location: BrowserLocation = windowLocation) {
    this.enabled = initializerContext.config.get<SecurityPublicConfig>().enabled === true;
  }

  public setup(core: CoreSetup, { advancedSettings }: SecurityPublicPluginSetupDeps = {}): SecurityPublicPluginSetup {
    if (!this.enabled) return { enabled: false };
    // Other plugins skip their calls on anonymous pages (usage collection does), which would be 401s here.
    core.http.anonymousPaths.register(LOGIN_APP_ROUTE);
    core.application.register({
      id: LOGIN_APP_ID,
      title: 'Log in',
      appRoute: LOGIN_APP_ROUTE,
      chromeless: true,
      navLinkStatus: 'hidden',
      mount: async (params) => {
        const [coreStart] = await core.getStartServices();
        const { mountLoginApp } = await import('./login/mount_login_app');
        return mountLoginApp(coreStart, params, this.location);
      },
    });
    // Registered for everyone: the section itself decides from the caller's capabilities, and the
    // Management app hides its link from those without `management.opensearchDashboards.users`.
    advancedSettings?.management.registerSection({
      id: USERS_SECTION_ID,
      title: USERS_SECTION_TITLE,
      order: USERS_SECTION_ORDER,
      mount: async (params) => {
        const [coreStart] = await core.getStartServices();
        const { mountUsersManagement } = await import('./management/mount_users_management');
        return mountUsersManagement(coreStart, params);
      },
    });
    return { enabled: true };
  }

  public start(core: CoreStart): SecurityPublicPluginStart {
    if (this.enabled && !core.http.anonymousPaths.isAnonymous(this.location.pathname())) {
      this.currentUser = this.loadUserMenu(core);
    }
    return { enabled: this.enabled, getCurrentUser: () => this.currentUser };
  }

  public stop() {}

  /** Reads the user once per page and puts the menu into the header; no menu when that fails. */
  private async loadUserMenu(core: CoreStart): Promise<AuthenticatedUser | undefined> {
    let user: AuthenticatedUser;
    try {
      user = await core.http.get<AuthenticatedUser>('/api/security/me');
    } catch (error) {
      // eslint-disable-next-line no-console
      console.warn(`security: could not read the current user: ${(error as Error).message}`);
      return undefined;
    }
    const { createUserMenuMount } = await import('./nav_control/mount_user_menu');
    core.chrome.navControls.registerRight({ order: USER_MENU_ORDER, mount: createUserMenuMount(user, core.http, this.location) });
    return user;
  }
}
