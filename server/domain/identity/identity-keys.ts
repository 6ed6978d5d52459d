// Organisations' identity secrets as ready-made HMAC keys, made once per secret instead of once per token.
// Keyed by the secret itself, so a rotated secret simply gets a new key and the old one is never used again.
import { createSecretKey, type KeyObject } from 'node:crypto';

/** Organisations with widgets on the same server; more distinct secrets than this only cost a re-creation. */
const MAX_KEYS = 1_000;

export class IdentityKeys {
  private readonly keys = new Map<string, KeyObject>();

  constructor(private readonly max = MAX_KEYS) {}

  forSecret(secret: string): KeyObject {
    let key = this.keys.get(secret);
    if (key) {
      // Most recently used last, so the oldest unused key is the one dropped.
      this.keys.delete(secret);
    } else {
      key = createSecretKey(Buffer.from(secret, 'utf8'));
      if (this.keys.size >= this.max) this.keys.delete(this.keys.keys().next().value as string);
    }
    this.keys.set(secret, key);
    return key;
  }

  get size(): number {
    return this.keys.size;
  }
}
