/* Random secrets and their hashes, shared by API keys and sessions. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Secrets are 32 random bytes (256 bits): far beyond guessing, so a fast hash can store them. */
export const SECRET_BYTES = 32;

/** A random base64url token (no padding) of `bytes` random bytes. */
export function randomToken(bytes: number = SECRET_BYTES): string {
  return randomBytes(bytes).toString('base64url');
}

/** The exact shape `randomToken(bytes)` produces, to refuse anything else before touching the store. */
export function tokenPattern(bytes: number): RegExp {
  return new RegExp(`^[A-Za-z0-9_-]{${Math.ceil((bytes * 4) / 3)}}$`);
}

/** What `randomToken()` (32 bytes) produces: session ids and API-key secrets. */
export const SECRET_PATTERN = tokenPattern(SECRET_BYTES);

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Compares two hex digests in constant time for equal lengths (a length difference is not secret). */
export function hexDigestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
