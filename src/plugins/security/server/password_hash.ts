/*
 * Password hashes: scrypt (memory-hard) from node:crypto, stored as a PHC-style self-describing string
 *   $scrypt$ln=14,r=8,p=1$<salt base64>$<hash base64>
 * so a later change of parameters still verifies old hashes (and `needsRehash` says when to upgrade).
 *
 * Parameters: N = 2^14, r = 8, p = 1 use 16 MiB and take about 30 ms per hash on this 2-core machine
 * (2^15 took ~75 ms). That is Node's own scrypt default and the most we accept per login, because
 * verified credentials are cached by the plugin and never re-hashed per request. The async scrypt runs
 * on libuv's thread pool, so the event loop keeps serving while it works.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  logN: number;
  /** Block size. */
  r: number;
  /** Parallelism. */
  p: number;
}

export const SCRYPT_PARAMS: Readonly<ScryptParams> = Object.freeze({ logN: 14, r: 8, p: 1 });

const SALT_BYTES = 16;
const HASH_BYTES = 32;
/* Bounds for stored strings: a corrupted or hostile value must not make us allocate gigabytes. */
const MAX_MEMORY_BYTES = 256 * 1024 * 1024;
const PARAMS_PATTERN = /^ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})$/;
const B64_PATTERN = /^[A-Za-z0-9+/]+$/;

export interface ParsedPasswordHash {
  params: ScryptParams;
  salt: Buffer;
  hash: Buffer;
}

function memoryOf({ logN, r }: ScryptParams): number {
  return 128 * 2 ** logN * r;
}

function checkParams(params: ScryptParams): boolean {
  const { logN, r, p } = params;
  return (
    Number.isInteger(logN) && logN >= 10 && logN <= 20 &&
    Number.isInteger(r) && r >= 1 && r <= 32 &&
    Number.isInteger(p) && p >= 1 && p <= 16 &&
    memoryOf(params) <= MAX_MEMORY_BYTES
  );
}

function derive(password: string, salt: Buffer, length: number, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = {
    N: 2 ** params.logN,
    r: params.r,
    p: params.p,
    // Node refuses above 32 MiB by default; allow what these params need, with headroom.
    maxmem: 2 * memoryOf(params),
  };
  // NFKC so the same password typed on different keyboards or platforms hashes the same (NIST 800-63B).
  const input = Buffer.from(password.normalize('NFKC'), 'utf8');
  return new Promise((resolve, reject) =>
    scrypt(input, salt, length, options, (error, key) => (error ? reject(error) : resolve(key)))
  );
}

function encodeB64(buffer: Buffer): string {
  return buffer.toString('base64').replace(/=+$/, '');
}

/** Hashes a password with a fresh random salt. Policy checks (length) are the caller's. */
export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<string> {
  if (!checkParams(params)) throw new Error('invalid scrypt parameters');
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, HASH_BYTES, params);
  return `$scrypt$ln=${params.logN},r=${params.r},p=${params.p}$${encodeB64(salt)}$${encodeB64(hash)}`;
}

/** Reads a stored hash; undefined when it is not one this module wrote (or its bounds are exceeded). */
export function parsePasswordHash(stored: string): ParsedPasswordHash | undefined {
  if (typeof stored !== 'string') return undefined;
  const parts = stored.split('$');
  if (parts.length !== 5 || parts[0] !== '' || parts[1] !== 'scrypt') return undefined;
  const match = PARAMS_PATTERN.exec(parts[2]);
  if (!match) return undefined;
  const params = { logN: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  if (!checkParams(params)) return undefined;
  if (!B64_PATTERN.test(parts[3]) || !B64_PATTERN.test(parts[4])) return undefined;
  const salt = Buffer.from(parts[3], 'base64');
  const hash = Buffer.from(parts[4], 'base64');
  if (salt.length < 16 || salt.length > 64 || hash.length < 16 || hash.length > 64) return undefined;
  return { params, salt, hash };
}

/**
 * Whether `password` matches `stored`, compared in constant time. A malformed stored value never
 * matches (it is corruption, not a reason to let anyone in).
 */
export async function verifyPasswordHash(password: string, stored: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored);
  if (!parsed || typeof password !== 'string') return false;
  const candidate = await derive(password, parsed.salt, parsed.hash.length, parsed.params);
  return timingSafeEqual(candidate, parsed.hash);
}

/** True when `stored` was made with other parameters (or is unreadable): hash again on next login. */
export function needsRehash(stored: string, params: ScryptParams = SCRYPT_PARAMS): boolean {
  const parsed = parsePasswordHash(stored);
  if (!parsed) return true;
  const current = parsed.params;
  return (
    current.logN !== params.logN ||
    current.r !== params.r ||
    current.p !== params.p ||
    parsed.hash.length !== HASH_BYTES
  );
}
