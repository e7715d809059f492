import type { CoreSetup, HttpAuth, IRouter } from '../../../../core/server';
import type { ApiKeyStore } from '../api_key_store';
import type { AuditLogger } from '../audit';
import type { Authenticator } from '../authentication/authenticator';
import type { SessionCookieOptions } from '../session_cookie';
import type { SessionStore } from '../session_store';
import type { UserStore } from '../user_store';

/** The stores and the authenticator, which exist once the plugin has started. */
export interface SecurityServices {
  users: UserStore;
  apiKeys: ApiKeyStore;
  sessions: SessionStore;
  authenticator: Authenticator;
}

export interface SecurityRouteDeps {
  router: IRouter;
  /** For the login page (`core.http.resources`). */
  resources: CoreSetup['http']['resources'];
  /** Throws before start; routes are only called after it. */
  getServices(): SecurityServices;
  auth: HttpAuth;
  audit: AuditLogger;
  cookie: SessionCookieOptions;
}
