import { addressKey, clientIdentity } from './client_identity';

describe('clientIdentity', () => {
  it('is the authenticated session, API key or user when there is one', () => {
    const request = { socket: { remoteAddress: '10.1.2.3' } } as any;
    const auth = (state: unknown) => ({ get: () => ({ status: 'authenticated', state }) }) as any;
    expect(clientIdentity(request, auth({ username: 'alice', sessionId: 'abc', apiKeyId: 'k' }))).toBe('session:abc');
    expect(clientIdentity(request, auth({ username: 'alice', apiKeyId: 'k' }))).toBe('api_key:k');
    expect(clientIdentity(request, auth({ username: 'alice' }))).toBe('user:alice');
    // No state (security off, or anonymous): the address.
    expect(clientIdentity(request, auth(undefined))).toBe('ip:10.1.2.3');
  });

  it('is the client address otherwise, read from the request socket', () => {
    expect(clientIdentity({ socket: { remoteAddress: '10.1.2.3' } } as any)).toBe('ip:10.1.2.3');
    expect(clientIdentity({ socket: {} } as any)).toBe('ip:unknown');
  });

  it('keys IPv4 (also IPv4-mapped) addresses as they are, and IPv6 addresses by their /64', () => {
    expect(addressKey('127.0.0.1')).toBe('127.0.0.1');
    expect(addressKey('::ffff:192.168.0.7')).toBe('192.168.0.7');
    expect(addressKey('2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(addressKey('2001:0db8:00aa:00bb:ffff:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('2001:db8:1::')).toBe('2001:db8:1:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
    // Every address of one /64 is one client.
    expect(addressKey('2001:db8:aa:bb:dead:beef::1')).toBe(addressKey('2001:db8:aa:bb::9'));
  });
});
