import { scryptSync } from 'node:crypto';
import {
  SCRYPT_PARAMS,
  hashPassword,
  needsRehash,
  parsePasswordHash,
  verifyPasswordHash,
} from './password_hash';

describe('password hashes', () => {
  it('stores algorithm, parameters, salt and hash, never the password', async () => {
    const stored = await hashPassword('correct horse');
    expect(stored).toMatch(/^\$scrypt\$ln=14,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(stored).not.toContain('correct horse');
    const parsed = parsePasswordHash(stored)!;
    expect(parsed.params).toEqual(SCRYPT_PARAMS);
    expect(parsed.salt).toHaveLength(16);
    expect(parsed.hash).toHaveLength(32);
  });

  it('is real scrypt: an independent computation gives the same hash', async () => {
    const stored = await hashPassword('independent');
    const { salt, hash } = parsePasswordHash(stored)!;
    expect(scryptSync('independent', salt, 32, { N: 16384, r: 8, p: 1 }).equals(hash)).toBe(true);
  });

  it('verifies the right password and refuses others', async () => {
    const stored = await hashPassword('s3cret-pass');
    expect(await verifyPasswordHash('s3cret-pass', stored)).toBe(true);
    expect(await verifyPasswordHash('s3cret-pasS', stored)).toBe(false);
    expect(await verifyPasswordHash('', stored)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
  });

  it('treats canonically equivalent Unicode as the same password', async () => {
    const stored = await hashPassword('caf\u00e9-pass');
    expect(await verifyPasswordHash('cafe\u0301-pass', stored)).toBe(true);
  });

  it('verifies hashes made with other parameters, and says they need rehashing', async () => {
    const old = await hashPassword('older params', { logN: 10, r: 8, p: 1 });
    expect(old).toContain('$ln=10,r=8,p=1$');
    expect(await verifyPasswordHash('older params', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword('current'))).toBe(false);
  });

  it('never matches malformed or out-of-bounds stored values', async () => {
    const good = await hashPassword('password1');
    const variants = [
      '',
      'password1',
      good.replace('$scrypt$', '$bcrypt$'),
      good.replace('ln=14', 'ln=30'),
      good.replace('r=8', 'r=99'),
      good.replace('ln=14,r=8,p=1', 'ln=14,p=1,r=8'),
      good + '$extra',
      good.split('$').slice(0, 4).join('$') + '$AAAA',
      good.replace(/\$[^$]+$/, '$not*base64'),
    ];
    for (const stored of variants) {
      expect(parsePasswordHash(stored)).toBeUndefined();
      expect(await verifyPasswordHash('password1', stored)).toBe(false);
      expect(needsRehash(stored)).toBe(true);
    }
  });

  it('refuses to hash with unsafe parameters', async () => {
    await expect(hashPassword('password1', { logN: 4, r: 8, p: 1 })).rejects.toThrow('invalid scrypt parameters');
  });

  it('keeps one hash to a few tens of milliseconds, off the event loop', async () => {
    const started = Date.now();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    await hashPassword('timing check');
    clearInterval(timer);
    // Generous bound for a shared CI machine; measured ~30 ms here.
    expect(Date.now() - started).toBeLessThan(500);
    expect(ticks).toBeGreaterThan(0);
  });
});
