import { createHash, timingSafeEqual } from 'crypto';

/** Whether a socket address is this machine (IPv4 127/8, IPv6 ::1, or IPv4-mapped 127/8). Pure. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

export type ReadDecision = { allow: true } | { allow: false; status: 401 | 403; reason: string };

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Who may read the fleet (summary, rejected reports, the page): without `--read-token`, loopback clients
 * only (403 otherwise); with it, whoever sends `Authorization: Bearer <token>`, from anywhere (401
 * otherwise). The ingest routes never ask. The one place this is decided. Pure.
 */
export function decideReadAccess({ remoteAddress, authorization }: { remoteAddress?: string; authorization?: string }, readToken: string | undefined): ReadDecision {
  if (readToken === undefined) {
    return isLoopback(remoteAddress)
      ? { allow: true }
      : { allow: false, status: 403, reason: 'the fleet read side answers loopback clients only (start the receiver with --read-token to open it to others)' };
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return { allow: false, status: 401, reason: 'the fleet read side needs "Authorization: Bearer <read token>"' };
  // Compared as digests: equal length, constant time, so the token's length and prefix do not leak.
  if (!timingSafeEqual(digest(match[1]), digest(readToken))) return { allow: false, status: 401, reason: 'the read token is not valid' };
  return { allow: true };
}
