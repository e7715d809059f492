import { hexDigestsEqual, randomToken, sha256Hex, tokenPattern } from './tokens';

describe('tokens', () => {
  it('makes 43-character base64url tokens from 32 bytes, all different', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => randomToken()));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(token).toMatch(tokenPattern(32));
    expect(Buffer.from([...tokens][0], 'base64url')).toHaveLength(32);
  });

  it('matches only the exact length and alphabet', () => {
    const pattern = tokenPattern(16);
    expect(randomToken(16)).toMatch(pattern);
    expect('a'.repeat(21)).not.toMatch(pattern);
    expect('a'.repeat(23)).not.toMatch(pattern);
    expect('a'.repeat(21) + '+').not.toMatch(pattern);
  });

  it('hashes with SHA-256 and compares digests', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hexDigestsEqual(sha256Hex('a'), sha256Hex('a'))).toBe(true);
    expect(hexDigestsEqual(sha256Hex('a'), sha256Hex('b'))).toBe(false);
    expect(hexDigestsEqual(sha256Hex('a'), 'abcd')).toBe(false);
    expect(hexDigestsEqual('', '')).toBe(false);
  });
});
