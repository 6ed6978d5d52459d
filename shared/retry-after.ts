// How long a client waits after `rate_limited` before sending again by itself: the server's `retryAfterMs`,
// kept within reason (an absent or absurd value must neither hammer the server nor stall a chat for long).
const DEFAULT_MS = 2_000;
const MIN_MS = 250;
const MAX_MS = 60_000;

export function retryDelayOf(error: { retryAfterMs?: number } | undefined): number {
  const asked = error?.retryAfterMs;
  if (typeof asked !== 'number' || !Number.isFinite(asked)) return DEFAULT_MS;
  return Math.min(MAX_MS, Math.max(MIN_MS, Math.ceil(asked)));
}
