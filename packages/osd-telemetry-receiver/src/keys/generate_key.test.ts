import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parsePublicJwk } from '../../../../src/plugins/telemetry_collection_manager/server';
import { createReportEncryptor } from '../../../../src/plugins/telemetry_collection_manager/server/encryption/encrypt';
import { createReportDecryptor, readPrivateJwk } from './decrypt';
import { createReceiverKeyPair, PRIVATE_KEY_FILE, PRIVATE_MEMBERS, PUBLIC_KEY_FILE, writeReceiverKeyPair } from './generate_key';

describe('writeReceiverKeyPair (--generate-key)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'receiver-keys-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a public key the server takes as telemetry.encryptionKey and a 0600 private key that decrypts its reports', async () => {
    const out = join(dir, 'keys');
    const { kid, publicPath, privatePath } = await writeReceiverKeyPair(out, { modulusLength: 2048 });
    expect(publicPath).toBe(join(out, PUBLIC_KEY_FILE));
    expect(statSync(privatePath).mode & 0o777).toBe(0o600);

    const publicText = readFileSync(publicPath, 'utf8');
    const publicJwk = JSON.parse(publicText);
    expect(publicJwk).toEqual({ kty: 'RSA', n: expect.any(String), e: 'AQAB', kid, alg: 'RSA-OAEP-256', use: 'enc' });
    for (const member of PRIVATE_MEMBERS) expect(publicJwk).not.toHaveProperty(member);
    // The server's own config check (telemetry.encryptionKey takes JSON text).
    expect(parsePublicJwk(publicText)).toMatchObject({ kid });

    const sealed = await createReportEncryptor(parsePublicJwk(publicText)).encryptText('{"hello":"fleet"}');
    const decryptor = await createReportDecryptor(readPrivateJwk(privatePath));
    try {
      expect(decryptor.kid).toBe(kid);
      expect(await decryptor.decrypt(sealed)).toBe('{"hello":"fleet"}');
    } finally {
      // Its worker threads would otherwise outlive the test file.
      await decryptor.close();
    }
  });

  it('refuses to overwrite an existing key unless forced, and then keeps the private file at 0600', async () => {
    writeFileSync(join(dir, PRIVATE_KEY_FILE), '{}', { mode: 0o644 });
    await expect(writeReceiverKeyPair(dir, { modulusLength: 2048 })).rejects.toThrow(`${join(dir, PRIVATE_KEY_FILE)} already exists`);
    expect(readFileSync(join(dir, PRIVATE_KEY_FILE), 'utf8')).toBe('{}');
    const first = await writeReceiverKeyPair(dir, { modulusLength: 2048, force: true });
    expect(statSync(join(dir, PRIVATE_KEY_FILE)).mode & 0o777).toBe(0o600);
    const second = await writeReceiverKeyPair(dir, { modulusLength: 2048, force: true });
    expect(second.kid).not.toBe(first.kid);
  });

  it('makes 2048-bit keys unless asked for 3072 or 4096, and no other size', async () => {
    const modulusBits = (n: string) => Buffer.from(n, 'base64url').length * 8;
    const [byDefault, larger] = await Promise.all([createReceiverKeyPair(), createReceiverKeyPair({ modulusLength: 3072 })]);
    expect(modulusBits(byDefault.publicJwk.n!)).toBe(2048);
    expect(modulusBits(larger.publicJwk.n!)).toBe(3072);
    await expect(createReceiverKeyPair({ modulusLength: 1024 })).rejects.toThrow('An RSA key of 1024 bits is not offered; choose one of 2048, 3072, 4096');
  });
});
