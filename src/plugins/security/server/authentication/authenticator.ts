/*
 * Turns what a request presents into a caller: Basic (username and password, throttled per username and
 * cached once verified), ApiKey (cached once verified) or the session cookie (read from the store for every
 * request, so a logout or a deleted user takes effect on every server at once; requests arriving together
 * share one read, made after all of them arrived). It never answers HTTP
 * itself: the auth handler and the login route decide what each outcome means for their request.
 */
import type { ApiKeyStore } from '../api_key_store';
import type { BruteForceGuard } from '../brute_force';
import type { CredentialCache } from '../credential_cache';
import { parseCredentials, type CredentialHeaders } from '../credentials';
import type { SessionStore } from '../session_store';
import { sha256Hex } from '../tokens';
import { SharedPromises } from './shared_promises';
import type { PublicUser, UserStore } from '../user_store';
import type { SecurityAuthState } from '../types';

/** What the cache keeps for a verified credential: who it is and with which roles. */
export interface CachedIdentity {
  username: string;
  roles: string[];
  apiKeyId?: string;
}

export type PasswordCheck =
  | { ok: true; user: PublicUser }
  | { ok: false; kind: 'wrong' }
  | { ok: false; kind: 'throttled'; retryAfterSeconds: number };

/** Which credential failed: a header the client sent on purpose, or the browser's cookie. */
export type FailedCredential = 'basic' | 'api_key' | 'session' | 'header';

export type AuthenticationOutcome =
  | { kind: 'authenticated'; state: SecurityAuthState }
  | { kind: 'none' }
  | { kind: 'failed'; credential: FailedCredential; reason: string; username?: string }
  | { kind: 'throttled'; username: string; retryAfterSeconds: number };

export interface AuthenticatorDeps {
  users: Pick<UserStore, 'verifyPassword' | 'get'>;
  apiKeys: Pick<ApiKeyStore, 'verify'>;
  sessions: Pick<SessionStore, 'lookup' | 'revoke'>;
  cache: CredentialCache<CachedIdentity>;
  guard: BruteForceGuard;
}

export class Authenticator {
  /**
   * Checks under way, by username and a digest of the password. Identical credentials arriving together
   * (a script or a page sending a burst on a cold cache) share one hash and count as one attempt, so
   * the throttle, which counts attempts still being verified, never refuses the right password for them.
   */
  private readonly passwordChecks = new SharedPromises<PasswordCheck>(copyCheck);
  /** Session reads not started yet, by cookie value (see `session`). */
  private readonly sessionReads = new SharedPromises<AuthenticationOutcome>(copyOutcome);

  constructor(private readonly deps: AuthenticatorDeps) {}

  /**
   * A username and password, as the login route and Basic credentials present them. The throttle comes
   * first, so a locked username is refused even with the right password and costs no hash.
   */
  public checkPassword(username: string, password: string): Promise<PasswordCheck> {
    return this.passwordChecks.join(`${username}\u0000${sha256Hex(password)}`, (close) => {
      const check = this.verifyOnce(username, password);
      check.then(close, close);
      return check;
    });
  }

  private async verifyOnce(username: string, password: string): Promise<PasswordCheck> {
    const { guard, cache, users } = this.deps;
    const attempt = guard.begin(username);
    if (!attempt.allowed) return { ok: false, kind: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds };
    const cached = cache.getBasic(username, password);
    if (cached) {
      attempt.succeeded();
      return { ok: true, user: { username: cached.username, roles: [...cached.roles] } };
    }
    const epoch = cache.epoch();
    // A store error leaves the attempt unreported: it is neither a wrong password nor a success, and the
    // guard treats it as abandoned after its window.
    const user = await users.verifyPassword(username, password);
    if (!user) {
      attempt.failed();
      return { ok: false, kind: 'wrong' };
    }
    attempt.succeeded();
    cache.setBasic(username, password, { username: user.username, roles: [...user.roles] }, epoch);
    return { ok: true, user };
  }

  public async authenticate(headers: CredentialHeaders): Promise<AuthenticationOutcome> {
    const credentials = parseCredentials(headers);
    switch (credentials.type) {
      case 'none':
        return { kind: 'none' };
      case 'invalid':
        return {
          kind: 'failed',
          credential: credentials.reason === 'malformed session cookie' ? 'session' : 'header',
          reason: credentials.reason,
        };
      case 'basic':
        return this.basic(credentials.username, credentials.password);
      case 'apiKey':
        return this.apiKey(credentials.id, credentials.key);
      case 'session':
        return this.session(credentials.sid);
    }
  }

  private async basic(username: string, password: string): Promise<AuthenticationOutcome> {
    const check = await this.checkPassword(username, password);
    if (check.ok) {
      return { kind: 'authenticated', state: { username, roles: [...check.user.roles], authenticationType: 'basic' } };
    }
    if (check.kind === 'throttled') return { kind: 'throttled', username, retryAfterSeconds: check.retryAfterSeconds };
    return { kind: 'failed', credential: 'basic', reason: 'wrong username or password', username };
  }

  private async apiKey(id: string, key: string): Promise<AuthenticationOutcome> {
    const { cache, apiKeys } = this.deps;
    let identity = cache.getApiKey(id, key);
    if (!identity) {
      const epoch = cache.epoch();
      const result = await apiKeys.verify(id, key);
      if (!result.ok) return { kind: 'failed', credential: 'api_key', reason: `API key ${result.reason.replace('_', ' ')}` };
      // The key acts for whoever created it, with the key's own roles (as OpenSearch's API keys do).
      identity = { username: result.key.created_by ?? `api_key:${id}`, roles: [...result.key.roles], apiKeyId: id };
      cache.setApiKey(id, key, identity, epoch);
    }
    return {
      kind: 'authenticated',
      state: { username: identity.username, roles: [...identity.roles], authenticationType: 'api_key', apiKeyId: id },
    };
  }

  /**
   * A session is read from the store for each request, or for several at once: requests presenting the
   * same cookie in one turn of the event loop share one read, made once all of them have arrived (at the
   * end of that turn). Each request is still checked against the store as it stands after the request
   * arrived, so a logout, role change or deletion that happened before it is always seen, exactly as
   * with a read of its own; a read that has started is never joined. A browser sends its calls in
   * bursts, and this is one read per burst instead of one per call.
   */
  private session(sid: string): Promise<AuthenticationOutcome> {
    return this.sessionReads.join(
      sid,
      (close) =>
        new Promise((resolve) => {
          setImmediate(() => {
            close();
            resolve(this.readSession(sid));
          });
        })
    );
  }

  private async readSession(sid: string): Promise<AuthenticationOutcome> {
    const { sessions, users } = this.deps;
    const found = await sessions.lookup(sid);
    if (!found) return { kind: 'failed', credential: 'session', reason: 'session expired or revoked' };
    const { id, session } = found;
    // Roles are read now, not at login: a demoted or deleted user's sessions follow at once.
    const user = await users.get(session.username);
    if (!user) {
      await sessions.revoke(sid);
      return { kind: 'failed', credential: 'session', reason: 'the session user no longer exists', username: session.username };
    }
    return {
      kind: 'authenticated',
      state: { username: user.username, roles: [...user.roles], authenticationType: 'session', sessionId: id },
    };
  }
}

/** A caller's own copy of a shared session outcome, so no request can change another's `state`. */
function copyOutcome(outcome: AuthenticationOutcome): AuthenticationOutcome {
  return outcome.kind === 'authenticated' ? { kind: 'authenticated', state: { ...outcome.state, roles: [...outcome.state.roles] } } : { ...outcome };
}

/** A caller's own copy of a shared password check, so no caller can change another's `roles`. */
function copyCheck(check: PasswordCheck): PasswordCheck {
  return check.ok ? { ok: true, user: { ...check.user, roles: [...check.user.roles] } } : { ...check };
}
