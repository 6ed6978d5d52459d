import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IdentityKeys } from './identity-keys';

describe('IdentityKeys', () => {
  it('makes one key per secret, however many tokens use it', () => {
    const keys = new IdentityKeys();
    const all = Array.from({ length: 50 }, () => keys.forSecret('s'.repeat(40)));
    expect(new Set(all).size).toBe(1);
    expect(all[0]).toMatchObject({ type: 'secret', symmetricKeySize: 40 });
  });

  it('gives another secret (a rotated one) its own key, and keeps at most `max`, dropping the least recently used', () => {
    const keys = new IdentityKeys(2);
    const a = keys.forSecret('a'.repeat(40));
    const b = keys.forSecret('b'.repeat(40));
    expect(a).not.toBe(b);
    keys.forSecret('a'.repeat(40)); // a is used again, so b is the oldest
    keys.forSecret('c'.repeat(40));
    expect(keys.size).toBe(2);
    expect(keys.forSecret('a'.repeat(40))).toBe(a);
    expect(keys.forSecret('b'.repeat(40))).not.toBe(b);
  });

  it('signs exactly as the raw secret does', () => {
    const secret = 'k'.repeat(40);
    const mac = (key: Parameters<typeof createHmac>[1]) => createHmac('sha256', key).update('header.payload').digest('hex');
    expect(mac(new IdentityKeys().forSecret(secret))).toBe(mac(secret));
  });
});
