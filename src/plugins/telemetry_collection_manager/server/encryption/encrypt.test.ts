import { compactDecrypt, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
import { createReportEncryptor, getPublicJwkProblem, parsePublicJwk } from './encrypt';

async function keyPair(kid = 'osd-test-1') {
  const { publicKey, privateKey } = await generateKeyPair('RSA-OAEP-256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid };
  return { jwk: jwk as any, privateKey, privateJwk: { ...(await exportJWK(privateKey)), kid } };
}

describe('getPublicJwkProblem / parsePublicJwk', () => {
  it('accepts a public RSA JWK with a kid, as an object or JSON text', async () => {
    const { jwk } = await keyPair();
    expect(getPublicJwkProblem(jwk)).toBeUndefined();
    expect(parsePublicJwk(JSON.stringify(jwk))).toEqual(jwk);
    expect(getPublicJwkProblem({ ...jwk, alg: 'RSA-OAEP-256', use: 'enc' })).toBeUndefined();
  });

  it('refuses private keys, missing kid, other key types and wrong alg/use', async () => {
    const { jwk, privateJwk } = await keyPair();
    expect(getPublicJwkProblem(privateJwk)).toMatch(/public key only: remove the private member\(s\) d, p, q, dp, dq, qi/);
    expect(getPublicJwkProblem({ ...jwk, kid: undefined })).toMatch(/"kid"/);
    expect(getPublicJwkProblem({ kty: 'EC', kid: 'x' })).toMatch(/RSA key/);
    expect(getPublicJwkProblem({ ...jwk, alg: 'RSA1_5' })).toMatch(/"alg" must be RSA-OAEP-256/);
    expect(getPublicJwkProblem({ ...jwk, use: 'sig' })).toMatch(/"use" must be "enc"/);
    expect(getPublicJwkProblem('x')).toMatch(/JWK object/);
    expect(() => parsePublicJwk('{not json')).toThrow(/not valid JSON/);
  });
});

describe('createReportEncryptor', () => {
  it('encrypts to a compact JWE with RSA-OAEP-256, A256GCM and the kid, that the private key opens', async () => {
    const { jwk, privateKey } = await keyPair('receiver-2024');
    const encryptor = createReportEncryptor(jwk);
    expect(encryptor.kid).toBe('receiver-2024');
    const payload = { cluster_uuid: 'abc', stack_stats: { n: 1 } };
    const jwe = await encryptor.encrypt(payload);
    expect(jwe.split('.')).toHaveLength(5);
    expect(decodeProtectedHeader(jwe)).toEqual({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'receiver-2024', cty: 'json' });
    const { plaintext } = await compactDecrypt(jwe, privateKey);
    expect(JSON.parse(new TextDecoder().decode(plaintext))).toEqual(payload);
    expect(await encryptor.encrypt(payload)).not.toBe(jwe);
  });

  it('encrypts JSON text as exactly its UTF-8 bytes (the plaintext a ledger hashes)', async () => {
    const { jwk, privateKey } = await keyPair();
    const text = '{"b":1,"a":"é ✓ \\ud83d"}';
    const { plaintext } = await compactDecrypt(await createReportEncryptor(jwk).encryptText(text), privateKey);
    expect(Buffer.from(plaintext).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('throws at creation for a bad key', () => {
    expect(() => createReportEncryptor({ kty: 'RSA', kid: '' } as any)).toThrow(/"kid"/);
  });
});
