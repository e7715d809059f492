/*
 * The first admin of a fresh install. When the store holds no users, `admin` is created with role
 * `admin`; its password is OSD_ADMIN_PASSWORD when the operator gave one (the caller reads the
 * environment and passes it in), else a random one that is returned for the caller to log once and
 * written to `<dataPath>/initial_admin_password` (mode 0600). Once any user exists, nothing changes.
 *
 * Servers starting together on one store both may see no users: `create` refuses to overwrite, so one
 * wins and the other gets a conflict and does nothing. The generated password is staged in a temporary
 * file before the user is created and moved into place only by the winner, so the file never holds a
 * password that did not take, and a full disk fails before any user exists.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INITIAL_ADMIN_PASSWORD_FILE, INITIAL_ADMIN_USERNAME } from '../common/constants';
import { throwIfInvalid } from './errors';
import { randomToken } from './tokens';
import { UserExistsError, type UserStore } from './user_store';
import { validatePassword } from './validation';

export interface EnsureFirstAdminOptions {
  users: Pick<UserStore, 'count' | 'create'>;
  /** `path.data`; the password file goes here. */
  dataPath: string;
  /** The value of OSD_ADMIN_PASSWORD, if set. Must pass the password policy. */
  adminPassword?: string;
  /** For tests; 24 random base64url characters (144 bits) otherwise. */
  generatePassword?: () => string;
}

export type FirstAdminResult =
  | { created: false }
  | { created: true; username: string; passwordSource: 'environment' }
  | { created: true; username: string; passwordSource: 'generated'; password: string; passwordFile: string };

export async function ensureFirstAdmin(options: EnsureFirstAdminOptions): Promise<FirstAdminResult> {
  const { users, dataPath, adminPassword } = options;
  if ((await users.count()) > 0) return { created: false };
  if (adminPassword !== undefined) throwIfInvalid(validatePassword(adminPassword, 'OSD_ADMIN_PASSWORD'));

  const username = INITIAL_ADMIN_USERNAME;
  const roles = ['admin'];
  if (adminPassword !== undefined) {
    const created = await createUnlessExists(() => users.create(username, { password: adminPassword, roles }));
    return created ? { created: true, username, passwordSource: 'environment' } : { created: false };
  }

  const password = (options.generatePassword ?? (() => randomToken(18)))();
  throwIfInvalid(validatePassword(password, 'generated password'));
  const passwordFile = join(dataPath, INITIAL_ADMIN_PASSWORD_FILE);
  const staged = `${passwordFile}.${randomBytes(6).toString('hex')}.tmp`;
  await mkdir(dataPath, { recursive: true });
  // `wx`: a fresh file only, created with mode 0600 (never an existing file's wider mode).
  await writeFile(staged, `${password}\n`, { flag: 'wx', mode: 0o600 });
  let created: boolean;
  try {
    created = await createUnlessExists(() => users.create(username, { password, roles }));
  } catch (error) {
    await rm(staged, { force: true });
    throw error;
  }
  if (!created) {
    await rm(staged, { force: true });
    return { created: false };
  }
  try {
    await chmod(staged, 0o600);
    await rename(staged, passwordFile);
  } catch (error) {
    throw new Error(
      `the initial admin password was written to ${staged} but could not be moved to ${passwordFile}: ${(error as Error).message}`
    );
  }
  return { created: true, username, passwordSource: 'generated', password, passwordFile };
}

/** True when created; false when the user already exists (another server made it first). */
async function createUnlessExists(create: () => Promise<unknown>): Promise<boolean> {
  try {
    await create();
    return true;
  } catch (error) {
    if (error instanceof UserExistsError) return false;
    throw error;
  }
}
