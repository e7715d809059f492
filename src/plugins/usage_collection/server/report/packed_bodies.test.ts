import { packBodies, unpackBodies } from './packed_bodies';

describe('packBodies / unpackBodies', () => {
  it('gives back each body, byte for byte, in order, empty ones included', () => {
    const socketChunk = Buffer.from('xx{"a":1}yy');
    const bodies = [Buffer.from('{"report":{}}'), Buffer.alloc(0), socketChunk.subarray(2, 9), Buffer.from('é€')];
    const packed = packBodies(bodies.map((body) => ({ body })));
    expect(packed.bytes.byteLength).toBe(bodies.reduce((n, b) => n + b.byteLength, 0));
    expect(packed.bytes.buffer.byteLength).toBe(packed.bytes.byteLength);
    expect(unpackBodies(packed).map((b) => Buffer.from(b).toString('utf8'))).toEqual(bodies.map((b) => b.toString('utf8')));
  });

  it('copies: transferring the packed buffer leaves the callers\' bodies readable', () => {
    const body = Buffer.from('{"report":{"reportVersion":1}}');
    const packed = packBodies([{ body }]);
    structuredClone({ bytes: packed.bytes, ends: packed.ends }, { transfer: packed.transfer });
    expect(packed.bytes.byteLength).toBe(0);
    expect(body.toString('utf8')).toBe('{"report":{"reportVersion":1}}');
  });
});
