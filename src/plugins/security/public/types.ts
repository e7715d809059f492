import type { AdvancedSettingsSetup } from '../../advanced_settings/public';

/** What the server exposes to the browser (`exposeToBrowser` in `server/config.ts`). */
export interface SecurityPublicConfig {
  enabled?: boolean;
}

/** `GET /api/security/me`. */
export interface AuthenticatedUser {
  username: string;
  roles: string[];
  authenticationType: string;
}

export interface SecurityPublicPluginSetup {
  /** False when the server runs without security: then the plugin registers nothing. */
  enabled: boolean;
}

export interface SecurityPublicPluginSetupDeps {
  /** Management (optional): where the "Users and API keys" section goes. */
  advancedSettings?: AdvancedSettingsSetup;
}

export interface SecurityPublicPluginStart {
  enabled: boolean;
  /** The signed-in user (read once per page); undefined on the login page, with security off, or on failure. */
  getCurrentUser(): Promise<AuthenticatedUser | undefined>;
}

/** The parts of `window.location` the plugin uses, so its logic can run in tests without a browser. */
export interface BrowserLocation {
  pathname(): string;
  origin(): string;
  /** A full page load: after login or logout the page must be rendered anew for the new caller. */
  assign(url: string): void;
}
