// Whose address a request comes from behind proxies, and which addresses count as one client.
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/config';
import { addressGroup } from '../../server/domain/limits/address-group';
import { clientAddressOf, trustFunction, type TrustProxy } from '../../server/transport/client-address';

const from = (peer: string, forwardedFor?: string) => ({
  socket: { remoteAddress: peer } as never,
  headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
});
const client = (trust: TrustProxy, peer: string, forwardedFor?: string) => clientAddressOf(from(peer, forwardedFor), trustFunction(trust));

describe('client address behind proxies', () => {
  it('believes no forwarding header without a trusted proxy', () => {
    expect(client(false, '203.0.113.1', '1.2.3.4')).toBe('203.0.113.1');
  });

  it('with one trusted hop, takes the address the proxy saw, never one the client wrote before it', () => {
    // The attacker sends X-Forwarded-For: 6.6.6.6; the proxy appends the real address.
    expect(client(1, '10.0.0.2', '6.6.6.6, 198.51.100.7')).toBe('198.51.100.7');
    expect(client(true, '10.0.0.2', '6.6.6.6, 198.51.100.7')).toBe('198.51.100.7');
    expect(client(1, '10.0.0.2')).toBe('10.0.0.2');
  });

  it('counts hops: two proxies in front', () => {
    expect(client(2, '10.0.0.2', '6.6.6.6, 198.51.100.7, 10.0.0.9')).toBe('198.51.100.7');
  });

  it('trusts listed proxies and CIDR ranges only', () => {
    expect(client(['10.0.0.0/8'], '10.0.0.2', '6.6.6.6, 198.51.100.7, 10.1.2.3')).toBe('198.51.100.7');
    expect(client(['10.0.0.0/8'], '192.0.2.50', '6.6.6.6')).toBe('192.0.2.50');
    expect(client(['loopback'], '::ffff:127.0.0.1', '198.51.100.7')).toBe('198.51.100.7');
    expect(client(['2001:db8::/32'], '2001:db8::1', '198.51.100.7')).toBe('198.51.100.7');
  });
});

describe('SUPPORT_TRUST_PROXY', () => {
  const trust = (value?: string) => configFromEnv({ SUPPORT_TRUST_PROXY: value }).trustProxy;
  it('reads off, a hop count, or a list', () => {
    expect(trust(undefined)).toBe(false);
    expect(trust('0')).toBe(false);
    expect(trust('1')).toBe(1);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.0/8, 192.168.1.1,loopback')).toEqual(['10.0.0.0/8', '192.168.1.1', 'loopback']);
  });
  it('refuses anything else, rather than trusting every hop', () => {
    expect(() => trust('true')).toThrow(/SUPPORT_TRUST_PROXY/);
    expect(() => trust('10.0.0.0/8, proxy.example')).toThrow(/SUPPORT_TRUST_PROXY/);
  });
  it('reads REDIS_URL and SUPPORT_RATE_LIMIT_FACTOR', () => {
    expect(configFromEnv({}).redisUrl).toBeUndefined();
    expect(configFromEnv({ REDIS_URL: 'redis://127.0.0.1:6379/2' }).redisUrl).toBe('redis://127.0.0.1:6379/2');
    expect(configFromEnv({ SUPPORT_RATE_LIMIT_FACTOR: '20' }).rateLimitFactor).toBe(20);
    expect(() => configFromEnv({ SUPPORT_RATE_LIMIT_FACTOR: '0' })).toThrow(/SUPPORT_RATE_LIMIT_FACTOR/);
  });
});

describe('address groups', () => {
  it('keeps IPv4 addresses apart, also IPv4-mapped ones', () => {
    expect(addressGroup('203.0.113.5')).toBe('203.0.113.5');
    expect(addressGroup('::ffff:203.0.113.5')).toBe('203.0.113.5');
  });
  it('puts every address of an IPv6 /64 together', () => {
    expect(addressGroup('2001:db8:aa:bb::1')).toBe('2001:db8:aa:bb::/64');
    expect(addressGroup('2001:0db8:00aa:00bb:ffff:1:2:3')).toBe('2001:db8:aa:bb::/64');
    expect(addressGroup('2001:db8:aa:bc::1')).toBe('2001:db8:aa:bc::/64');
    expect(addressGroup('::1')).toBe('0:0:0:0::/64');
    expect(addressGroup('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
  it('gives unreadable or missing addresses a bucket of their own', () => {
    expect(addressGroup(undefined)).toBe('unknown');
    expect(addressGroup('not:an:address:::')).toBe('not:an:address:::');
  });
});
