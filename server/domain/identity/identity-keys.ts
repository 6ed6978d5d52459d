// Organisations' identity secrets as ready-made HMAC keys, imported once per secret instead of once per token.
//
// jose verifies HS256 through WebCrypto; given raw bytes it imports a key for every token, which in a connect
// storm (a district's classes opening the page at once) was the largest single cost of a verified handshake.
// A verified key is 3× cheaper to use. Keyed by the secret itself, so a rotated secret simply gets a new key.

/** Organisations with widgets on the same server; more distinct secrets than this only cost a re-import. */
const MAX_KEYS = 1_000;

export class IdentityKeys {
  private readonly keys = new Map<string, Promise<CryptoKey>>();

  constructor(private readonly max = MAX_KEYS) {}

  forSecret(secret: string): Promise<CryptoKey> {
    let key = this.keys.get(secret);
    if (key) {
      // Most recently used last, so the oldest unused key is the one dropped.
      this.keys.delete(secret);
      this.keys.set(secret, key);
      return key;
    }
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    // A failed import is not kept: the next token tries again.
    key.catch(() => this.keys.delete(secret));
    this.keys.set(secret, key);
    if (this.keys.size > this.max) this.keys.delete(this.keys.keys().next().value as string);
    return key;
  }

  get size(): number {
    return this.keys.size;
  }
}
