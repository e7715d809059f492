import { CompactEncrypt, importJWK } from 'jose';
import { createReportEncryptor } from '../../../../src/plugins/telemetry_collection_manager/server/encryption/encrypt';
import { checkPrivateJwk, createReportDecryptor, IntakeError, type ReportDecryptor } from './decrypt';
import { createReceiverKeyPair, type ReceiverKeyPair } from './generate_key';

describe('createReportDecryptor', () => {
  let ours: ReceiverKeyPair;
  let theirs: ReceiverKeyPair;
  let decryptor: ReportDecryptor;
  beforeAll(async () => {
    [ours, theirs] = await Promise.all([createReceiverKeyPair({ modulusLength: 2048 }), createReceiverKeyPair({ modulusLength: 2048 })]);
    decryptor = await createReportDecryptor(ours.privateJwk, { workers: 2 });
  });
  afterAll(() => decryptor.close());

  const seal = (pair: ReceiverKeyPair, text: string) => createReportEncryptor(pair.publicJwk as any).encryptText(text);
  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (e) => e
    );
    expect(error).toBeInstanceOf(IntakeError);
    return error as IntakeError;
  };

  it('decrypts what the sender encrypts to our key', async () => {
    expect(await decryptor.decrypt(await seal(ours, '{"a":"é"}'))).toBe('{"a":"é"}');
  });

  it('refuses a JWE for another kid with a 400 naming both keys', async () => {
    const error = await refusal(decryptor.decrypt(await seal(theirs, '{}')));
    expect(error.status).toBe(400);
    expect(error.message).toBe(`the JWE is encrypted to key "${theirs.publicJwk.kid}"; this receiver holds key "${ours.publicJwk.kid}"`);
  });

  it('refuses a JWE that claims our kid but was made for another key, a tampered one, and what is not a JWE', async () => {
    const forged = await createReportEncryptor({ ...(theirs.publicJwk as any), kid: ours.publicJwk.kid }).encryptText('{}');
    expect((await refusal(decryptor.decrypt(forged))).message).toMatch(/^the JWE cannot be decrypted: /);

    const parts = (await seal(ours, '{"x":1}')).split('.');
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith('AA') ? 'BB' : 'AA');
    expect((await refusal(decryptor.decrypt(parts.join('.')))).message).toMatch(/^the JWE cannot be decrypted: /);

    expect((await refusal(decryptor.decrypt('{"not":"a jwe"}'))).message).toBe('the body is not a compact JWE (five base64url parts separated by dots)');
    expect((await refusal(decryptor.decrypt('a.b.c.d.e'))).message).toMatch(/^the JWE header cannot be read/);
  });

  it('refuses weaker algorithms even for our kid', async () => {
    const key = await importJWK({ ...ours.publicJwk, alg: 'RSA-OAEP' }, 'RSA-OAEP');
    const weak = await new CompactEncrypt(new TextEncoder().encode('{}')).setProtectedHeader({ alg: 'RSA-OAEP', enc: 'A128GCM', kid: ours.publicJwk.kid }).encrypt(key);
    expect((await refusal(decryptor.decrypt(weak))).message).toBe('the JWE must use alg RSA-OAEP-256 and enc A256GCM, got RSA-OAEP / A128GCM');
  });

  it('gives every one of many concurrent decryptions its own plaintext (the worker pool keeps them apart)', async () => {
    const texts = Array.from({ length: 24 }, (_, i) => JSON.stringify({ i, pad: 'é'.repeat(i * 50) }));
    const jwes = await Promise.all(texts.map((t) => seal(ours, t)));
    expect(await Promise.all(jwes.map((j) => decryptor.decrypt(j)))).toEqual(texts);
  });

  it('refuses what jose refuses in the header: critical extensions, unknown compression; inflates zip DEF', async () => {
    const key = await importJWK({ ...ours.publicJwk, alg: 'RSA-OAEP-256' }, 'RSA-OAEP-256');
    const make = (header: Record<string, unknown>, text = '{}') =>
      new CompactEncrypt(new TextEncoder().encode(text)).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: ours.publicJwk.kid, ...header }).encrypt(key);
    // jose will not make a JWE with an unknown critical extension: a valid one with its header replaced (refused before decryption).
    const header = Buffer.from(JSON.stringify({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: ours.publicJwk.kid, crit: ['x-ext'], 'x-ext': 1 })).toString('base64url');
    const crit = [header, ...(await make({})).split('.').slice(1)].join('.');
    expect((await refusal(decryptor.decrypt(crit))).message).toBe('the JWE cannot be decrypted: the "crit" header parameter ["x-ext"] is not supported');
    const gzHeader = Buffer.from(JSON.stringify({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: ours.publicJwk.kid, zip: 'GZ' })).toString('base64url');
    expect((await refusal(decryptor.decrypt([gzHeader, ...(await make({})).split('.').slice(1)].join('.')))).message).toMatch(/Unsupported JWE "zip"/);
    const text = JSON.stringify({ a: 'x'.repeat(5000) });
    expect(await decryptor.decrypt(await make({ zip: 'DEF' }, text))).toBe(text);
  });

  it('answers 503 when more reports wait for a worker than the queue holds, and nothing after close', async () => {
    const small = await createReportDecryptor(ours.privateJwk, { workers: 1, maxQueue: 1 });
    const jwe = await seal(ours, '{"n":1}');
    const outcomes = await Promise.allSettled([small.decrypt(jwe), small.decrypt(jwe), small.decrypt(jwe)]);
    expect(outcomes.slice(0, 2).map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
    const busy = (outcomes[2] as PromiseRejectedResult).reason;
    expect(busy).toBeInstanceOf(IntakeError);
    expect(busy.status).toBe(503);
    expect(busy.message).toMatch(/busy decrypting/);
    await small.close();
    await expect(small.decrypt(jwe)).rejects.toThrow('the worker pool is closed');
  });

  it('takes only a private RSA key with a kid', () => {
    expect(() => checkPrivateJwk(ours.publicJwk)).toThrow('the private key lacks d, p, q, dp, dq, qi: is this the public key?');
    expect(() => checkPrivateJwk({ ...ours.privateJwk, kid: undefined })).toThrow('must have a "kid"');
    expect(() => checkPrivateJwk({ kty: 'EC' })).toThrow('must be an RSA key');
    expect(checkPrivateJwk(ours.privateJwk).kid).toBe(ours.privateJwk.kid);
  });
});
