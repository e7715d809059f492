import { CompactEncrypt, importJWK } from 'jose';
import { createReportEncryptor } from '../../../../src/plugins/telemetry_collection_manager/server/encryption/encrypt';
import { checkPrivateJwk, createReportDecryptor, IntakeError } from './decrypt';
import { createReceiverKeyPair, type ReceiverKeyPair } from './generate_key';

describe('createReportDecryptor', () => {
  let ours: ReceiverKeyPair;
  let theirs: ReceiverKeyPair;
  beforeAll(async () => {
    [ours, theirs] = await Promise.all([createReceiverKeyPair({ modulusLength: 2048 }), createReceiverKeyPair({ modulusLength: 2048 })]);
  });

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
    const decryptor = await createReportDecryptor(ours.privateJwk);
    expect(await decryptor.decrypt(await seal(ours, '{"a":"é"}'))).toBe('{"a":"é"}');
  });

  it('refuses a JWE for another kid with a 400 naming both keys', async () => {
    const decryptor = await createReportDecryptor(ours.privateJwk);
    const error = await refusal(decryptor.decrypt(await seal(theirs, '{}')));
    expect(error.status).toBe(400);
    expect(error.message).toBe(`the JWE is encrypted to key "${theirs.publicJwk.kid}"; this receiver holds key "${ours.publicJwk.kid}"`);
  });

  it('refuses a JWE that claims our kid but was made for another key, a tampered one, and what is not a JWE', async () => {
    const decryptor = await createReportDecryptor(ours.privateJwk);
    const forged = await createReportEncryptor({ ...(theirs.publicJwk as any), kid: ours.publicJwk.kid }).encryptText('{}');
    expect((await refusal(decryptor.decrypt(forged))).message).toMatch(/^the JWE cannot be decrypted: /);

    const parts = (await seal(ours, '{"x":1}')).split('.');
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith('AA') ? 'BB' : 'AA');
    expect((await refusal(decryptor.decrypt(parts.join('.')))).message).toMatch(/^the JWE cannot be decrypted: /);

    expect((await refusal(decryptor.decrypt('{"not":"a jwe"}'))).message).toBe('the body is not a compact JWE (five base64url parts separated by dots)');
    expect((await refusal(decryptor.decrypt('a.b.c.d.e'))).message).toMatch(/^the JWE header cannot be read/);
  });

  it('refuses weaker algorithms even for our kid', async () => {
    const decryptor = await createReportDecryptor(ours.privateJwk);
    const key = await importJWK({ ...ours.publicJwk, alg: 'RSA-OAEP' }, 'RSA-OAEP');
    const weak = await new CompactEncrypt(new TextEncoder().encode('{}')).setProtectedHeader({ alg: 'RSA-OAEP', enc: 'A128GCM', kid: ours.publicJwk.kid }).encrypt(key);
    expect((await refusal(decryptor.decrypt(weak))).message).toBe('the JWE must use alg RSA-OAEP-256 and enc A256GCM, got RSA-OAEP / A128GCM');
  });

  it('takes only a private RSA key with a kid', () => {
    expect(() => checkPrivateJwk(ours.publicJwk)).toThrow('the private key lacks d, p, q, dp, dq, qi: is this the public key?');
    expect(() => checkPrivateJwk({ ...ours.privateJwk, kid: undefined })).toThrow('must have a "kid"');
    expect(() => checkPrivateJwk({ kty: 'EC' })).toThrow('must be an RSA key');
    expect(checkPrivateJwk(ours.privateJwk).kid).toBe(ours.privateJwk.kid);
  });
});
