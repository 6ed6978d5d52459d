// The port behind every rate limit: counters of points per key in fixed windows, kept in memory on one node or
// in Redis for several (server/store/rate-limits). The domain decides what to count; the store only counts.

/** So many points per window; windows are whole seconds so every store (Redis EX) can keep them. */
export interface Window {
  points: number;
  seconds: number;
}

export interface LimitSpec {
  /** Unique per purpose: it becomes part of the stored key. */
  name: string;
  /** The steady rate. */
  rate: Window;
  /**
   * Extra room for a burst, spent only once the steady rate is used up and refilled on its own (longer) window:
   * together a token bucket, as rate-limiter-flexible's BurstyRateLimiter builds it.
   */
  burst?: Window;
}

export type Verdict = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface RateLimit {
  /** Takes points for the key (default 1); refused when the key has no points left. */
  take(key: string, points?: number): Promise<Verdict>;
  /**
   * Takes the key's one point for a window of `seconds` starting now (for growing delays). Refused while an
   * earlier window of the key is running.
   */
  takeFor(key: string, seconds: number): Promise<Verdict>;
  /** Points taken for the key in its current window (0 when none). */
  used(key: string): Promise<number>;
  /** Gives points back, e.g. for an attempt that turned out fine. */
  giveBack(key: string, points?: number): Promise<void>;
  /** Marks the key for `seconds` (e.g. an address that signed in successfully). */
  mark(key: string, seconds: number): Promise<void>;
  /** Forgets the key. */
  forget(key: string): Promise<void>;
}

export interface RateLimits {
  /** A limit kept where every node sees it (Redis when the server has it, else this process). */
  shared(spec: LimitSpec): RateLimit;
  /** A limit of this process only: for keys that live on one node, like one socket's connection. */
  local(spec: LimitSpec): RateLimit;
}
