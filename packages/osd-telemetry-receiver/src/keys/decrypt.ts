import { createPrivateKey } from 'crypto';
import { readFileSync } from 'fs';
import { availableParallelism } from 'os';
import { resolve } from 'path';
import { Worker } from 'worker_threads';
import { decodeProtectedHeader, type JWK } from 'jose';
import { createWorkerPool, PoolBusyError, WorkerTaskError } from '../workers/worker_pool';
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
  /** Stops the decryption workers; a decrypt after this rejects. */
  close(): Promise<void>;
}

export interface DecryptorOptions {
  /** Worker threads doing the RSA work; default: the machine's available parallelism. */
  workers?: number;
  /** Reports waiting for a worker, at most; beyond, a 503 (busy). Default 256. */
  maxQueue?: number;
}

/** The worker script (plain JavaScript: worker threads are not transpiled). */
const WORKER_SCRIPT = resolve(__dirname, 'jwe_worker.js');

type WorkerResult = { plaintext: string } | { refusal: string };

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

/**
 * A decryptor for one private key. The header is checked here (cheap, and it names what is wrong); the
 * RSA and AES work runs on a pool of worker threads, so the event loop keeps reading, validating and
 * writing reports while several decrypt in parallel.
 */
export async function createReportDecryptor(jwk: JWK & { kid: string }, { workers = availableParallelism(), maxQueue = 256 }: DecryptorOptions = {}): Promise<ReportDecryptor> {
  const checked = checkPrivateJwk(jwk);
  try {
    // Here rather than only in the workers: a key node:crypto cannot import fails the start with a message, not a dying pool.
    createPrivateKey({ key: checked as any, format: 'jwk' });
  } catch (e) {
    throw new Error(`the private key cannot be used: ${(e as Error).message}`);
  }
  const pool = createWorkerPool<{ jwe: string; inflate: boolean }, WorkerResult>({
    createWorker: () => new Worker(WORKER_SCRIPT, { workerData: { jwk: checked } }),
    size: Math.max(1, workers),
    maxQueue,
  });
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
      // What jose refuses too: extensions we cannot honour, and compression other than DEF.
      if (header.crit !== undefined) throw new IntakeError(400, `the JWE cannot be decrypted: the "crit" header parameter ${JSON.stringify(header.crit)} is not supported`);
      if (header.zip !== undefined && header.zip !== 'DEF') throw new IntakeError(400, 'the JWE cannot be decrypted: Unsupported JWE "zip" (Compression Algorithm) Header Parameter value.');
      let result: WorkerResult;
      try {
        result = await pool.run({ jwe, inflate: header.zip === 'DEF' });
      } catch (e) {
        if (e instanceof PoolBusyError) throw new IntakeError(503, `the receiver is busy decrypting other reports (${e.message}); retry later`);
        if (e instanceof WorkerTaskError) throw new IntakeError(400, `the JWE cannot be decrypted: ${e.message}`);
        throw e;
      }
      if ('refusal' in result) throw new IntakeError(400, result.refusal);
      return result.plaintext;
    },
    close: () => pool.close(),
  };
}
