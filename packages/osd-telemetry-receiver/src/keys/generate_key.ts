import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { JWE_KEY_ALGORITHM } from './constants';

export const PUBLIC_KEY_FILE = 'receiver_public.jwk.json';
export const PRIVATE_KEY_FILE = 'receiver_private.jwk.json';

/**
 * RSA modulus sizes `--generate-key` makes. 2048 by default: the size of Kibana's own telemetry keys
 * (RSA-OAEP, 2048 bits), 112-bit security (NIST SP 800-57: acceptable to 2030), and the receiver's
 * largest cost per report is this key's private operation (about 0.27 ms at 2048 bits, 1.5 ms at 3072
 * and 3.4 ms at 4096 on the benchmark machine). Larger keys are one flag away (`--key-bits`).
 */
export const KEY_BITS = [2048, 3072, 4096] as const;
export const DEFAULT_KEY_BITS = 2048;

/** Members of an RSA JWK that only the private key has; never written to the public file. */
export const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'] as const;

export interface ReceiverKeyPair {
  /** What an operator puts into `telemetry.encryptionKey`. */
  publicJwk: JWK & { kid: string };
  /** What the receiver decrypts with (`--key`). */
  privateJwk: JWK & { kid: string };
}

/**
 * A fresh RSA key pair for RSA-OAEP-256. The `kid` is the RFC 7638 thumbprint of the public key, so it
 * names the key itself and two receivers never pick the same one by accident.
 */
export async function createReceiverKeyPair({ modulusLength = DEFAULT_KEY_BITS }: { modulusLength?: number } = {}): Promise<ReceiverKeyPair> {
  if (!(KEY_BITS as readonly number[]).includes(modulusLength)) throw new Error(`An RSA key of ${modulusLength} bits is not offered; choose one of ${KEY_BITS.join(', ')}`);
  const { publicKey, privateKey } = await generateKeyPair(JWE_KEY_ALGORITHM, { modulusLength, extractable: true });
  const pub = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint({ kty: pub.kty, n: pub.n, e: pub.e });
  const marks = { kid, alg: JWE_KEY_ALGORITHM, use: 'enc' };
  return {
    publicJwk: { kty: pub.kty, n: pub.n, e: pub.e, ...marks },
    privateJwk: { ...(await exportJWK(privateKey)), ...marks },
  };
}

/**
 * Writes both files into `dir` (created if needed): the public key readable by anyone, the private one
 * with mode 0600. Refuses to overwrite an existing key (that would orphan every deployment using it)
 * unless `force`.
 */
export async function writeReceiverKeyPair(dir: string, { force = false, modulusLength }: { force?: boolean; modulusLength?: number } = {}) {
  const publicPath = join(dir, PUBLIC_KEY_FILE);
  const privatePath = join(dir, PRIVATE_KEY_FILE);
  if (!force) {
    for (const path of [publicPath, privatePath]) {
      if (existsSync(path)) throw new Error(`${path} already exists; deployments may be encrypting to it (use --force to replace it)`);
    }
  }
  const pair = await createReceiverKeyPair({ modulusLength });
  mkdirSync(dir, { recursive: true });
  writeFileSync(privatePath, `${JSON.stringify(pair.privateJwk, null, 2)}\n`, { mode: 0o600 });
  // writeFileSync applies the mode only to a new file; an overwritten one keeps its old mode otherwise.
  chmodSync(privatePath, 0o600);
  writeFileSync(publicPath, `${JSON.stringify(pair.publicJwk, null, 2)}\n`, { mode: 0o644 });
  return { publicPath, privatePath, kid: pair.publicJwk.kid };
}
