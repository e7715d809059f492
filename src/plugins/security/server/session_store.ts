/*
 * Login sessions in the saved-objects store (hidden type `security-session`). The cookie carries a random
 * 256-bit session id; the store keeps only its SHA-256 as the document id, so a copy of the store cannot
 * be replayed as cookies. The store is the only state: any server sharing it can read, extend and revoke
 * any session.
 *
 * Timeouts: a session ends `idleTimeoutMs` after its last use or `lifespanMs` after login, whichever is
 * first. To avoid a write per request, the idle expiry is pushed forward only when it is at least
 * `extendIntervalMs` (a minute) stale, so a session may end up to that much before a full idle timeout.
 */
import type { ISavedObjectsRepository } from '../../../core/server';
import { throwIfInvalid } from './errors';
import { SESSION_TYPE, type SessionAttributes } from './saved_object_types';
import { isNotFound, unlessNotFound } from './store_errors';
import { SECRET_PATTERN, randomToken, sha256Hex } from './tokens';
import { validateUsername } from './validation';

const AUTH_TYPE_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;

export interface SessionStoreOptions {
  repository: ISavedObjectsRepository;
  /** Ends a session this long after its last use. */
  idleTimeoutMs: number;
  /** Ends a session this long after login, however active. */
  lifespanMs: number;
  /** Epoch milliseconds; the wall clock otherwise. */
  now?: () => number;
  /** How stale the stored idle expiry may get before a read extends it; 60 s by default. */
  extendIntervalMs?: number;
  /** Most sessions one `sweep()` looks at; 100 by default. */
  sweepBatchSize?: number;
}

export interface Session {
  username: string;
  /** How the user logged in (e.g. `basic`), for audit and logout behaviour. */
  authType: string;
  /** Epoch milliseconds, all of them. */
  createdAt: number;
  idleExpiresAt: number;
  absoluteExpiresAt: number;
}

function checkDuration(value: unknown, field: string): string | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0
    ? undefined
    : `[${field}]: must be a positive whole number of milliseconds`;
}

function toSession(a: SessionAttributes): Session {
  return {
    username: a.username,
    authType: a.auth_type,
    createdAt: a.created_at,
    idleExpiresAt: a.idle_expires_at,
    absoluteExpiresAt: a.absolute_expires_at,
  };
}

export class SessionStore {
  private readonly repository: ISavedObjectsRepository;
  private readonly idleTimeoutMs: number;
  private readonly lifespanMs: number;
  private readonly now: () => number;
  private readonly extendIntervalMs: number;
  private readonly sweepBatchSize: number;

  constructor(options: SessionStoreOptions) {
    const { extendIntervalMs = 60_000, sweepBatchSize = 100 } = options;
    throwIfInvalid(
      checkDuration(options.idleTimeoutMs, 'idleTimeoutMs'),
      checkDuration(options.lifespanMs, 'lifespanMs'),
      checkDuration(extendIntervalMs, 'extendIntervalMs'),
      checkDuration(sweepBatchSize, 'sweepBatchSize'),
      // Otherwise a session used steadily could still expire before its first extension.
      options.idleTimeoutMs <= extendIntervalMs ? '[idleTimeoutMs]: must be longer than extendIntervalMs' : undefined
    );
    this.repository = options.repository;
    this.idleTimeoutMs = options.idleTimeoutMs;
    this.lifespanMs = options.lifespanMs;
    this.now = options.now ?? Date.now;
    this.extendIntervalMs = extendIntervalMs;
    this.sweepBatchSize = sweepBatchSize;
  }

  /** Starts a session; `sid` goes into the cookie and is not kept anywhere. */
  public async create(username: string, authType: string): Promise<{ sid: string; session: Session }> {
    throwIfInvalid(
      validateUsername(username),
      AUTH_TYPE_PATTERN.test(authType) ? undefined : `[authType]: must be a lowercase identifier`
    );
    const sid = randomToken();
    const now = this.now();
    const absolute = now + this.lifespanMs;
    const idle = Math.min(now + this.idleTimeoutMs, absolute);
    const attributes: SessionAttributes = {
      username,
      auth_type: authType,
      created_at: now,
      idle_expires_at: idle,
      absolute_expires_at: absolute,
      expires_at: Math.min(idle, absolute),
    };
    await this.repository.create<SessionAttributes>(SESSION_TYPE, attributes, { id: sha256Hex(sid), overwrite: false });
    return { sid, session: toSession(attributes) };
  }

  /**
   * The live session for `sid`, or undefined (unknown, malformed, revoked or expired). An expired one is
   * deleted on the way. Extends the idle expiry at most once per `extendIntervalMs`.
   */
  public async get(sid: string): Promise<Session | undefined> {
    return (await this.lookup(sid))?.session;
  }

  /** `get`, with the session's store id (the SHA-256 of `sid`): callers need not hash the cookie again. */
  public async lookup(sid: string): Promise<{ id: string; session: Session } | undefined> {
    if (typeof sid !== 'string' || !SECRET_PATTERN.test(sid)) return undefined;
    const id = sha256Hex(sid);
    const saved = await unlessNotFound(() => this.repository.get<SessionAttributes>(SESSION_TYPE, id), undefined);
    if (!saved) return undefined;
    const a = saved.attributes;
    const now = this.now();
    if (now >= a.idle_expires_at || now >= a.absolute_expires_at) {
      await this.deleteById(id);
      return undefined;
    }
    const wanted = Math.min(now + this.idleTimeoutMs, a.absolute_expires_at);
    if (wanted - a.idle_expires_at < this.extendIntervalMs) return { id, session: toSession(a) };

    const patch = { idle_expires_at: wanted, expires_at: Math.min(wanted, a.absolute_expires_at) };
    try {
      // A plain update: it never recreates a session another server revoked meanwhile (that is a 404).
      await this.repository.update<SessionAttributes>(SESSION_TYPE, id, patch);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
    return { id, session: toSession({ ...a, ...patch }) };
  }

  /** Ends a session (logout). False when there was none. */
  public async revoke(sid: string): Promise<boolean> {
    if (typeof sid !== 'string' || !SECRET_PATTERN.test(sid)) return false;
    return this.deleteById(sha256Hex(sid));
  }

  /**
   * Deletes expired sessions, looking at no more than `sweepBatchSize` of them: the plugin calls it
   * periodically, and a backlog drains over several calls. Returns how many it deleted. Safe to run
   * on several servers at once (a session deleted by another is skipped).
   */
  public async sweep(): Promise<number> {
    const now = this.now();
    const page = await this.repository.find<Pick<SessionAttributes, 'expires_at'>>({
      type: SESSION_TYPE,
      fields: ['expires_at'],
      sortField: 'expires_at',
      sortOrder: 'asc',
      perPage: this.sweepBatchSize,
    });
    let deleted = 0;
    for (const { id, attributes } of page.saved_objects) {
      // Sorted by expiry: the first live session means the rest are live too.
      if (!(now >= attributes.expires_at)) break;
      if (await this.deleteById(id)) deleted++;
    }
    return deleted;
  }

  private deleteById(id: string): Promise<boolean> {
    return unlessNotFound(async () => {
      await this.repository.delete(SESSION_TYPE, id);
      return true;
    }, false);
  }
}
