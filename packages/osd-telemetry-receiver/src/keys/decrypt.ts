import { readFileSync } from 'fs';
import { compactDecrypt, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import { JWE_CONTENT_ENCRYPTION, JWE_KEY_ALGORITHM } from './constants';
import { PRIVATE_MEMBERS } from './generate_key';

/** A refusal the caller answers with a 4xx: the message says why, for the sender's log. */
export class IntakeError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message);
  }
}

/** Decrypts JWEs made for one private key. */
export interface ReportDecryptor {
  readonly kid: string;
  /** The UTF-8 plaintext of a compact JWE; throws an `IntakeError` (400) naming what is wrong. */
  decrypt(jwe: string): Promise<string>;
}

const COMPACT_JWE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Checks a private RSA JWK with a `kid`; throws naming the problem. Pure. */
export function checkPrivateJwk(value: unknown): JWK & { kid: string } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('the private key must be a JWK object');
  const jwk = value as JWK;
  if (jwk.kty !== 'RSA') throw new Error(`the private key must be an RSA key ("kty": "RSA"), got ${JSON.stringify(jwk.kty)}`);
  if (typeof jwk.kid !== 'string' || jwk.kid === '') throw new Error('the private key must have a "kid" (the sender writes it in every JWE header)');
  const missing = PRIVATE_MEMBERS.filter((m) => m !== 'oth' && typeof (jwk as Record<string, unknown>)[m] !== 'string');
  if (missing.length > 0) throw new Error(`the private key lacks ${missing.join(', ')}: is this the public key?`);
  return jwk as JWK & { kid: string };
}

/** Reads `--key`: a private JWK file as `--generate-key` writes it. Throws naming the file. */
export function readPrivateJwk(path: string): JWK & { kid: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`cannot read the private key ${path}: ${(e as Error).message}`);
  }
  try {
    return checkPrivateJwk(JSON.parse(text));
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`);
  }
}

export async function createReportDecryptor(jwk: JWK & { kid: string }): Promise<ReportDecryptor> {
  const checked = checkPrivateJwk(jwk);
  const key = await importJWK({ ...checked, alg: JWE_KEY_ALGORITHM }, JWE_KEY_ALGORITHM);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return {
    kid: checked.kid,
    async decrypt(jwe) {
      if (!COMPACT_JWE.test(jwe)) throw new IntakeError(400, 'the body is not a compact JWE (five base64url parts separated by dots)');
      let header;
      try {
        header = decodeProtectedHeader(jwe);
      } catch (e) {
        throw new IntakeError(400, `the JWE header cannot be read: ${(e as Error).message}`);
      }
      // Checked before any RSA work: a report for another receiver's key is refused cheaply and clearly.
      if (header.kid !== checked.kid) {
        throw new IntakeError(400, `the JWE is encrypted to key ${JSON.stringify(header.kid ?? null)}; this receiver holds key "${checked.kid}"`);
      }
      if (header.alg !== JWE_KEY_ALGORITHM || header.enc !== JWE_CONTENT_ENCRYPTION) {
        throw new IntakeError(400, `the JWE must use alg ${JWE_KEY_ALGORITHM} and enc ${JWE_CONTENT_ENCRYPTION}, got ${header.alg} / ${header.enc}`);
      }
      let plaintext: Uint8Array;
      try {
        ({ plaintext } = await compactDecrypt(jwe, key, {
          keyManagementAlgorithms: [JWE_KEY_ALGORITHM],
          contentEncryptionAlgorithms: [JWE_CONTENT_ENCRYPTION],
        }));
      } catch (e) {
        throw new IntakeError(400, `the JWE cannot be decrypted: ${(e as Error).message}`);
      }
      try {
        return decoder.decode(plaintext);
      } catch {
        throw new IntakeError(400, 'the decrypted JWE is not UTF-8 text');
      }
    },
  };
}
