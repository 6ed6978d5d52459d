// Limits sign-in attempts per key (client address + email) in a sliding window, to slow password guessing.
import type { Clock } from '../ports';

export class SignInThrottle {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly maxAttempts = 5,
    private readonly windowMs = 60_000,
  ) {}

  /** Records an attempt; returns false when the key has used up its attempts in the window. */
  allow(key: string): boolean {
    const now = this.clock.now();
    const recent = (this.attempts.get(key) ?? []).filter((at) => now - at < this.windowMs);
    if (recent.length >= this.maxAttempts) {
      this.attempts.set(key, recent);
      return false;
    }
    recent.push(now);
    this.attempts.set(key, recent);
    if (this.attempts.size > 10_000) this.prune(now);
    return true;
  }

  /** A successful sign-in forgets earlier failures. */
  reset(key: string): void {
    this.attempts.delete(key);
  }

  private prune(now: number): void {
    for (const [key, times] of this.attempts) {
      if (times.every((at) => now - at >= this.windowMs)) this.attempts.delete(key);
    }
  }
}
