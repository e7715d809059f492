import { decideReadAccess, isLoopback } from './read_access';

describe('decideReadAccess', () => {
  const token = 'a-long-read-token-123';
  it('without a read token: loopback clients only (403 otherwise)', () => {
    for (const address of ['127.0.0.1', '127.8.9.1', '::1', '::ffff:127.0.0.1']) expect(decideReadAccess({ remoteAddress: address }, undefined)).toEqual({ allow: true });
    for (const address of ['10.0.0.5', '::ffff:10.0.0.5', '2001:db8::1', undefined]) {
      expect(decideReadAccess({ remoteAddress: address }, undefined)).toMatchObject({ allow: false, status: 403, reason: expect.stringContaining('loopback clients only') });
    }
  });

  it('with a read token: the bearer token from anywhere, loopback included (401 otherwise)', () => {
    expect(decideReadAccess({ remoteAddress: '10.0.0.5', authorization: `Bearer ${token}` }, token)).toEqual({ allow: true });
    expect(decideReadAccess({ remoteAddress: '127.0.0.1' }, token)).toMatchObject({ allow: false, status: 401, reason: expect.stringContaining('Bearer') });
    expect(decideReadAccess({ remoteAddress: '127.0.0.1', authorization: `Bearer ${token}x` }, token)).toEqual({ allow: false, status: 401, reason: 'the read token is not valid' });
    expect(decideReadAccess({ remoteAddress: '127.0.0.1', authorization: `Basic ${token}` }, token)).toMatchObject({ status: 401 });
  });

  it('isLoopback', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('0.0.0.0')).toBe(false);
    expect(isLoopback('1127.0.0.1')).toBe(false);
  });
});
