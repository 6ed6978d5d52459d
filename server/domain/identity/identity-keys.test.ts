import { describe, expect, it } from 'vitest';
import { IdentityKeys } from './identity-keys';

describe('IdentityKeys', () => {
  it('imports a secret once, however many tokens use it at the same time', async () => {
    const keys = new IdentityKeys();
    const all = await Promise.all(Array.from({ length: 50 }, () => keys.forSecret('s'.repeat(40))));
    expect(new Set(all).size).toBe(1);
    expect(all[0]).toMatchObject({ type: 'secret', algorithm: { name: 'HMAC', hash: { name: 'SHA-256' } }, usages: ['verify'] });
  });

  it('gives another secret (a rotated one) its own key, and keeps at most `max`, dropping the least recently used', async () => {
    const keys = new IdentityKeys(2);
    const a = await keys.forSecret('a'.repeat(40));
    const b = await keys.forSecret('b'.repeat(40));
    expect(a).not.toBe(b);
    await keys.forSecret('a'.repeat(40)); // a is used again, so b is the oldest
    await keys.forSecret('c'.repeat(40));
    expect(keys.size).toBe(2);
    expect(await keys.forSecret('a'.repeat(40))).toBe(a);
    expect(await keys.forSecret('b'.repeat(40))).not.toBe(b);
  });

  it('verifies exactly what the raw secret verifies', async () => {
    const keys = new IdentityKeys();
    const secret = 'k'.repeat(40);
    const raw = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const data = new TextEncoder().encode('header.payload');
    const signature = await crypto.subtle.sign('HMAC', raw, data);
    expect(await crypto.subtle.verify('HMAC', await keys.forSecret(secret), signature, data)).toBe(true);
    expect(await crypto.subtle.verify('HMAC', await keys.forSecret('other'.padEnd(40, 'o')), signature, data)).toBe(false);
  });
});
