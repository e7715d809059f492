import { CompactEncrypt, importJWK } from 'jose';
import { JWE_CONTENT_ENCRYPTION, JWE_KEY_ALGORITHM } from '../../common';
import type { TelemetryPublicJwk } from '../types';

/** Members of an RSA JWK that only a private key has. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'];

/** Encrypts JSON-able payloads to one public key. */
export interface ReportEncryptor {
  /** The key id written in every JWE header. */
  readonly kid: string;
  /** The payload as a compact JWE (RSA-OAEP-256 key wrap, A256GCM content): `encryptText` of its JSON. */
  encrypt(payload: unknown): Promise<string>;
  /** JSON text already serialised, as a compact JWE of exactly its UTF-8 bytes (one serialisation for send and ledger). */
  encryptText(plaintext: string): Promise<string>;
}

/**
 * Returns why `key` cannot be used to encrypt reports, or `undefined` when it can: it must be a public RSA
 * JWK with a `kid`, meant for encryption with RSA-OAEP-256 if it says what it is for. Pure.
 */
export function getPublicJwkProblem(key: unknown): string | undefined {
  if (!key || typeof key !== 'object' || Array.isArray(key)) return 'must be a JWK object';
  const jwk = key as Record<string, unknown>;
  if (jwk.kty !== 'RSA') return `must be an RSA key ("kty": "RSA"), got ${JSON.stringify(jwk.kty)}`;
  if (typeof jwk.kid !== 'string' || jwk.kid === '') return 'must have a "kid" (the receiver picks its private key by it)';
  if (typeof jwk.n !== 'string' || typeof jwk.e !== 'string') return 'must have the "n" and "e" members of an RSA public key';
  const secret = PRIVATE_MEMBERS.filter((member) => member in jwk);
  if (secret.length > 0) return `must be the public key only: remove the private member(s) ${secret.join(', ')}`;
  if (jwk.alg !== undefined && jwk.alg !== JWE_KEY_ALGORITHM) return `"alg" must be ${JWE_KEY_ALGORITHM} when set, got ${JSON.stringify(jwk.alg)}`;
  if (jwk.use !== undefined && jwk.use !== 'enc') return `"use" must be "enc" when set, got ${JSON.stringify(jwk.use)}`;
  return undefined;
}

/** Parses `telemetry.encryptionKey` (JWK as JSON text or as an object). Throws with the reason. Pure. */
export function parsePublicJwk(value: unknown): TelemetryPublicJwk {
  let key = value;
  if (typeof value === 'string') {
    try {
      key = JSON.parse(value);
    } catch (e) {
      throw new Error(`the encryption key is not valid JSON: ${(e as Error).message}`);
    }
  }
  const problem = getPublicJwkProblem(key);
  if (problem) throw new Error(`the encryption key ${problem}`);
  return key as TelemetryPublicJwk;
}

/**
 * An encryptor for `jwk`. The key is imported on first use (jose imports are async), once. Every call
 * makes a fresh content key, so two encryptions of one payload differ.
 */
export function createReportEncryptor(jwk: TelemetryPublicJwk): ReportEncryptor {
  const checked = parsePublicJwk(jwk);
  let imported: ReturnType<typeof importJWK> | undefined;
  const textEncoder = new TextEncoder();
  const encryptText = async (plaintext: string) => {
    imported ??= importJWK({ kty: checked.kty, n: checked.n, e: checked.e }, JWE_KEY_ALGORITHM).catch((error) => {
      // Not kept: the next report tries the import again.
      imported = undefined;
      throw new Error(`the encryption key could not be imported: ${(error as Error).message}`);
    });
    const key = await imported;
    return new CompactEncrypt(textEncoder.encode(plaintext))
      .setProtectedHeader({ alg: JWE_KEY_ALGORITHM, enc: JWE_CONTENT_ENCRYPTION, kid: checked.kid, cty: 'json' })
      .encrypt(key);
  };
  return { kid: checked.kid, encryptText, encrypt: (payload) => encryptText(JSON.stringify(payload)) };
}
