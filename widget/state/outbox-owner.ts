// Remembers whose outbox is in this browser, so pending messages show at once after a reload, before the
// server has confirmed who the visitor is, but only when the page presents the same credentials.
import { readStored, writeStored } from '../storage';
import { bindOutbox, outboxKey } from './outbox';

interface Owner {
  user: string;
  credential: string;
}

const ownerKey = (appKey: string) => `cs:outbox-owner:${appKey}`;

/** The `sub` of an identity token (read, not verified: the server verifies it), or "anonymous". */
export function credentialOf(auth: { token?: string; visitorToken?: string }): string | null {
  if (auth.token) {
    try {
      const part = auth.token.split('.')[1] ?? '';
      const claims = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown };
      return typeof claims.sub === 'string' ? `sub:${claims.sub}` : null;
    } catch {
      return null;
    }
  }
  // The anonymous visitor token is per app key in this browser, so it always names the same visitor.
  return auth.visitorToken ? 'anonymous' : null;
}

/** Shows the remembered owner's pending messages if these credentials are theirs; sending waits for the session. */
export function previewOutbox(appKey: string, credential: string | null): void {
  try {
    const owner = JSON.parse(readStored(ownerKey(appKey)) ?? 'null') as Owner | null;
    if (credential && owner?.credential === credential && typeof owner.user === 'string') bindOutbox(outboxKey(appKey, owner.user));
  } catch {
    // A damaged record only costs the preview.
  }
}

/** The server said who the visitor is: their outbox from now on, remembered for the next page load. */
export function claimOutbox(appKey: string, userId: string, credential: string | null): void {
  bindOutbox(outboxKey(appKey, userId));
  writeStored(ownerKey(appKey), credential ? JSON.stringify({ user: userId, credential } satisfies Owner) : null);
}
