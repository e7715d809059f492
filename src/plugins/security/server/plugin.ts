import type { CoreSetup, CoreStart, Logger, Plugin, PluginInitializerContext } from '../../../core/server';
import { ApiKeyStore } from './api_key_store';
import { createAuditLogger, type AuditLogger } from './audit';
import { createAuditInterceptor } from './audit_interceptor';
import { createAuthHandler } from './authentication/auth_handler';
import { Authenticator, type CachedIdentity } from './authentication/authenticator';
import { createAuthorizationInterceptor } from './authorization/authorization_interceptor';
import { securityCapabilitiesSwitcher } from './authorization/capabilities_switcher';
import { BruteForceGuard } from './brute_force';
import type { SecurityConfigType } from './config';
import { CredentialCache } from './credential_cache';
import { ensureFirstAdmin } from './first_admin';
import { registerSecurityRoutes, type SecurityServices } from './routes';
import { SECURITY_HIDDEN_TYPES, securitySavedObjectTypes } from './saved_object_types';
import type { SessionCookieOptions } from './session_cookie';
import { SessionStore } from './session_store';
import { SessionSweeper } from './session_sweeper';
import type { SecurityAuthState, SecurityPluginSetup, SecurityPluginStart } from './types';
import { UserStore } from './user_store';

/**
 * The built-in security plugin: users, API keys and sessions in the saved-objects store; an auth handler
 * for Basic, ApiKey and the session cookie; route authorization by `access:` tags; audit lines. With
 * `security.enabled: false` core leaves it out (and warns that no auth handler is registered); a host that
 * loads it anyway with `enabled: false` gets a plugin that registers nothing.
 */
export class SecurityPlugin implements Plugin<SecurityPluginSetup, SecurityPluginStart> {
  private readonly logger: Logger;
  private readonly audit: AuditLogger;
  private readonly config: SecurityConfigType;
  private readonly dataPath: string;
  /** Read once, here: the modules get the value, never the environment. */
  private readonly adminPassword: string | undefined;
  private readonly cache = new CredentialCache<CachedIdentity>();
  private readonly guard = new BruteForceGuard();
  private services?: SecurityServices;
  private sweeper?: SessionSweeper;

  constructor(initializerContext: PluginInitializerContext<SecurityConfigType>) {
    this.logger = initializerContext.logger.get();
    this.audit = createAuditLogger(initializerContext.logger.get('audit'));
    this.config = initializerContext.config.get();
    this.dataPath = initializerContext.config.legacy.get().path.data;
    this.adminPassword = process.env.OSD_ADMIN_PASSWORD;
  }

  public setup(core: CoreSetup): SecurityPluginSetup {
    if (!this.config.enabled) return { enabled: false };
    const { audit } = this;
    securitySavedObjectTypes.forEach((type) => core.savedObjects.registerType(type));
    const basePath = core.http.basePath.serverBasePath;
    // Over TLS the cookie is always Secure; behind a TLS proxy the admin says so with `security.cookie.secure`.
    const secure = this.config.cookie.secure || core.http.getServerInfo().protocol === 'https';
    const cookie: SessionCookieOptions = { basePath, secure };

    core.http.registerAuth(createAuthHandler({ getAuthenticator: () => this.services?.authenticator, basePath, cookie, audit }));
    core.http.registerOnPostAuth(createAuthorizationInterceptor({ auth: core.http.auth, audit }));
    core.http.registerOnPreResponse(createAuditInterceptor({ auth: core.http.auth, audit }));
    // The UI hides what the caller's roles may not do; the routes check for themselves regardless.
    core.capabilities.registerSwitcher((request, current) => securityCapabilitiesSwitcher(core.http.auth.get<SecurityAuthState>(request).state, current));
    registerSecurityRoutes({
      router: core.http.createRouter(),
      resources: core.http.resources,
      getServices: () => this.getServices(),
      auth: core.http.auth,
      audit,
      cookie,
    });
    return { enabled: true };
  }

  public async start(core: CoreStart): Promise<SecurityPluginStart> {
    if (!this.config.enabled) return { enabled: false };
    const { cache, config } = this;
    const repository = core.savedObjects.createInternalRepository([...SECURITY_HIDDEN_TYPES]);
    const users = new UserStore({ repository, onUserChanged: (username) => cache.invalidateUser(username) });
    const apiKeys = new ApiKeyStore({ repository, onRevoked: (id) => cache.invalidateApiKey(id) });
    const sessions = new SessionStore({
      repository,
      idleTimeoutMs: config.session.idleTimeout.asMilliseconds(),
      lifespanMs: config.session.lifespan.asMilliseconds(),
    });
    const authenticator = new Authenticator({ users, apiKeys, sessions, cache, guard: this.guard });

    await this.ensureFirstAdmin(users);
    this.services = { users, apiKeys, sessions, authenticator };
    this.sweeper = new SessionSweeper({
      sessions,
      intervalMs: config.session.cleanupInterval.asMilliseconds(),
      logger: this.logger.get('session_sweeper'),
    });
    this.sweeper.start();
    return { enabled: true };
  }

  public async stop() {
    await this.sweeper?.stop();
    this.cache.clear();
  }

  private getServices(): SecurityServices {
    if (!this.services) throw new Error('security: the plugin has not started');
    return this.services;
  }

  private async ensureFirstAdmin(users: UserStore) {
    const result = await ensureFirstAdmin({ users, dataPath: this.dataPath, adminPassword: this.adminPassword });
    if (!result.created) {
      if (this.adminPassword !== undefined) this.logger.info('OSD_ADMIN_PASSWORD is ignored: users exist already');
      return;
    }
    this.audit.log({ action: 'first_admin_create', outcome: 'success', targetUser: result.username, roles: ['admin'], reason: `password from ${result.passwordSource === 'environment' ? 'OSD_ADMIN_PASSWORD' : 'generator'}` });
    if (result.passwordSource === 'environment') {
      this.logger.info(`Created the first user [${result.username}] (role admin) with the password from OSD_ADMIN_PASSWORD`);
    } else {
      // Logged this once only; the file keeps it (mode 0600) until the operator deletes it.
      this.logger.info(
        `Created the first user [${result.username}] (role admin) with the generated password [${result.password}], also written to ${result.passwordFile} (mode 0600). Change it, then delete the file.`
      );
    }
  }
}
