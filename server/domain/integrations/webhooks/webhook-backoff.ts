// When a failed delivery is tried again: 5 s, 10 s, 20 s … doubling up to an hour between attempts, and given
// up once the next attempt would fall more than 24 hours after the event.

export const FIRST_RETRY_MS = 5_000;
export const MAX_RETRY_GAP_MS = 60 * 60_000;
export const GIVE_UP_AFTER_MS = 24 * 60 * 60_000;

/** The due time of the attempt after `attemptsMade` failed ones, or null when the delivery is given up. */
export function nextAttemptAt(createdAt: number, attemptsMade: number, now: number): number | null {
  const gap = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attemptsMade - 1), MAX_RETRY_GAP_MS);
  const at = now + gap;
  return at - createdAt > GIVE_UP_AFTER_MS ? null : at;
}
