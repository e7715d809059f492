/*
 * Users in the saved-objects store (hidden type `security-user`, id = username). Passwords are kept only
 * as scrypt hashes, and no method returns the hash. Every input passes the validation functions first.
 */
import type { ISavedObjectsRepository } from '../../../core/server';
import { SecurityValidationError, throwIfInvalid } from './errors';
import { SCRYPT_PARAMS, hashPassword, needsRehash, verifyPasswordHash, type ScryptParams } from './password_hash';
import { USER_TYPE, type UserAttributes } from './saved_object_types';
import { isConflict, isNotFound, unlessNotFound } from './store_errors';
import { randomToken } from './tokens';
import { normalizeRoles, validatePassword, validateRoles, validateUsername } from './validation';

/** A user as callers see it: never the password or its hash. */
export interface PublicUser {
  username: string;
  roles: string[];
  updated_at?: string;
}

export interface PutUserRequest {
  /** Required when the user does not exist yet; when omitted on an update the password is kept. */
  password?: string;
  roles: string[];
}

export interface UserStoreOptions {
  repository: ISavedObjectsRepository;
  /**
   * Called after a user's password or roles changed or the user was deleted, so the plugin can drop
   * cached credentials (`CredentialCache.invalidateUser`). Other servers rely on the cache's TTL.
   */
  onUserChanged?: (username: string) => void;
  /** Hash parameters for new hashes; the module's defaults otherwise. */
  scryptParams?: ScryptParams;
  /** Users read per `find` page by `list`. */
  listPageSize?: number;
}

/** `create` found the user already there (409). */
export class UserExistsError extends Error {
  public readonly statusCode = 409;
  constructor(username: string) {
    super(`user [${username}] already exists`);
    this.name = 'UserExistsError';
  }
}

/* A put retries when a concurrent create/delete of the same user interleaves with it. */
const PUT_ATTEMPTS = 3;

function toPublic(attributes: Pick<UserAttributes, 'username' | 'roles'>, updatedAt?: string): PublicUser {
  return {
    username: attributes.username,
    roles: [...(attributes.roles ?? [])],
    ...(updatedAt !== undefined && { updated_at: updatedAt }),
  };
}

export class UserStore {
  private readonly repository: ISavedObjectsRepository;
  private readonly onUserChanged: (username: string) => void;
  private readonly params: ScryptParams;
  private readonly listPageSize: number;
  private dummyHash?: Promise<string>;

  constructor(options: UserStoreOptions) {
    this.repository = options.repository;
    this.onUserChanged = options.onUserChanged ?? (() => undefined);
    this.params = options.scryptParams ?? SCRYPT_PARAMS;
    this.listPageSize = options.listPageSize ?? 1000;
  }

  /** Creates a user; `UserExistsError` if one by that name exists (another server may have made it). */
  public async create(username: string, request: { password: string; roles: string[] }): Promise<PublicUser> {
    throwIfInvalid(validateUsername(username), validatePassword(request?.password), validateRoles(request?.roles));
    const attributes: UserAttributes = {
      username,
      roles: normalizeRoles(request.roles),
      password_hash: await hashPassword(request.password, this.params),
    };
    try {
      const saved = await this.repository.create<UserAttributes>(USER_TYPE, attributes, { id: username, overwrite: false });
      return toPublic(attributes, saved.updated_at);
    } catch (error) {
      if (isConflict(error)) throw new UserExistsError(username);
      throw error;
    }
  }

  /** Creates or updates a user. Creating needs a password; updating without one keeps the old password. */
  public async put(username: string, request: PutUserRequest): Promise<{ created: boolean; user: PublicUser }> {
    throwIfInvalid(
      validateUsername(username),
      request?.password === undefined ? undefined : validatePassword(request.password),
      validateRoles(request?.roles)
    );
    const roles = normalizeRoles(request.roles);
    const passwordHash = request.password === undefined ? undefined : await hashPassword(request.password, this.params);

    for (let attempt = 1; ; attempt++) {
      try {
        const patch: Partial<UserAttributes> = { roles, ...(passwordHash !== undefined && { password_hash: passwordHash }) };
        const updated = await this.repository.update<UserAttributes>(USER_TYPE, username, patch);
        this.onUserChanged(username);
        return { created: false, user: toPublic({ username, roles }, updated.updated_at) };
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      if (passwordHash === undefined) {
        throw new SecurityValidationError('[password]: required when creating a user');
      }
      try {
        const attributes: UserAttributes = { username, roles, password_hash: passwordHash };
        const saved = await this.repository.create<UserAttributes>(USER_TYPE, attributes, { id: username, overwrite: false });
        this.onUserChanged(username);
        return { created: true, user: toPublic(attributes, saved.updated_at) };
      } catch (error) {
        // Created by someone else between our update and create: update it instead, a bounded number of times.
        if (!isConflict(error) || attempt >= PUT_ATTEMPTS) throw error;
      }
    }
  }

  /** Changes only the password (e.g. a user changing their own). False when the user does not exist. */
  public async setPassword(username: string, password: string): Promise<boolean> {
    throwIfInvalid(validateUsername(username), validatePassword(password));
    const passwordHash = await hashPassword(password, this.params);
    const done = await unlessNotFound(async () => {
      await this.repository.update<UserAttributes>(USER_TYPE, username, { password_hash: passwordHash });
      return true;
    }, false);
    if (done) this.onUserChanged(username);
    return done;
  }

  public async get(username: string): Promise<PublicUser | undefined> {
    if (validateUsername(username) !== undefined) return undefined;
    const saved = await unlessNotFound(() => this.repository.get<UserAttributes>(USER_TYPE, username), undefined);
    return saved && toPublic(saved.attributes, saved.updated_at);
  }

  /** Every user, sorted by name. Reads only the public fields from the store. */
  public async list(): Promise<PublicUser[]> {
    const users: PublicUser[] = [];
    for (let page = 1; ; page++) {
      const result = await this.repository.find<UserAttributes>({
        type: USER_TYPE,
        fields: ['username', 'roles'],
        sortField: 'id',
        perPage: this.listPageSize,
        page,
      });
      result.saved_objects.forEach((o) => users.push(toPublic(o.attributes, o.updated_at)));
      if (result.saved_objects.length < this.listPageSize) return users;
    }
  }

  public async count(): Promise<number> {
    return (await this.repository.find({ type: USER_TYPE, perPage: 0 })).total;
  }

  /** False when there was no such user. */
  public async delete(username: string): Promise<boolean> {
    if (validateUsername(username) !== undefined) return false;
    const deleted = await unlessNotFound(async () => {
      await this.repository.delete(USER_TYPE, username);
      return true;
    }, false);
    if (deleted) this.onUserChanged(username);
    return deleted;
  }

  /**
   * The user when `password` is theirs, else undefined. An unknown user costs one scrypt too, so the
   * timing does not tell which usernames exist. A hash made with older parameters is upgraded in place,
   * guarded by the version read, so it never overwrites a password changed meanwhile.
   */
  public async verifyPassword(username: string, password: string): Promise<PublicUser | undefined> {
    const saved =
      validateUsername(username) === undefined
        ? await unlessNotFound(() => this.repository.get<UserAttributes>(USER_TYPE, username), undefined)
        : undefined;
    // A non-string still pays for a hash, so no input shape answers faster for existing users.
    const candidate = typeof password === 'string' ? password : '';
    if (!saved) {
      await verifyPasswordHash(candidate, await this.getDummyHash());
      return undefined;
    }
    const stored = saved.attributes.password_hash;
    const matches = await verifyPasswordHash(candidate, stored);
    if (!matches || typeof password !== 'string') return undefined;
    if (needsRehash(stored, this.params)) await this.upgradeHash(username, password, saved.version);
    return toPublic(saved.attributes, saved.updated_at);
  }

  private async upgradeHash(username: string, password: string, version: string | undefined) {
    if (version === undefined) return;
    const passwordHash = await hashPassword(password, this.params);
    try {
      await this.repository.update<UserAttributes>(USER_TYPE, username, { password_hash: passwordHash }, { version });
    } catch (error) {
      // Changed or deleted since we read it: that write wins, and the login still succeeded.
      if (!isConflict(error) && !isNotFound(error)) throw error;
    }
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= hashPassword(randomToken(), this.params);
    return this.dummyHash;
  }
}
