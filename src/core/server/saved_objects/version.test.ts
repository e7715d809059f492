import { SavedObjectsErrorHelpers } from './errors';
import { decodeVersion, encodeHitVersion, encodeVersion } from './version';

describe('saved object versions', () => {
  it('encode as base64 of JSON [seqNo, primaryTerm], as upstream', () => {
    expect(encodeVersion(5, 1)).toBe(Buffer.from('[5,1]').toString('base64'));
    expect(encodeVersion(0, 1)).toBe('WzAsMV0=');
    expect(decodeVersion('WzAsMV0=')).toEqual({ seqNo: 0, primaryTerm: 1 });
    expect(decodeVersion(encodeVersion(123456789, 7))).toEqual({ seqNo: 123456789, primaryTerm: 7 });
  });

  it('encodeHitVersion is undefined for unversioned documents', () => {
    expect(encodeHitVersion({})).toBeUndefined();
    expect(encodeHitVersion({ _seq_no: 3, _primary_term: 1 })).toBe(encodeVersion(3, 1));
  });

  it('refuses non-integers when encoding', () => {
    expect(() => encodeVersion(1.5, 1)).toThrow(TypeError);
    expect(() => encodeVersion(1, NaN)).toThrow(TypeError);
  });

  it.each([
    undefined,
    '',
    'garbage!',
    Buffer.from('{"a":1}').toString('base64'),
    Buffer.from('[1]').toString('base64'),
    Buffer.from('[1,"2"]').toString('base64'),
    Buffer.from('[1.5,1]').toString('base64'),
    42,
  ])('rejects %p as a 400 invalid version', (input) => {
    let caught: unknown;
    try {
      decodeVersion(input);
    } catch (error) {
      caught = error;
    }
    expect(SavedObjectsErrorHelpers.isInvalidVersionError(caught)).toBe(true);
    expect((caught as { statusCode: number }).statusCode).toBe(400);
  });
});
