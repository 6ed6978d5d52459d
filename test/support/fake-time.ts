// Fake wall-clock time for code that reads Date.now() and sets timers itself (rate-limiter-flexible's memory
// store does both), moved by hand like FakeClock.
import { vi } from 'vitest';

export function useFakeTime(start = 1_700_000_000_000): { advance(ms: number): void; restore(): void } {
  vi.useFakeTimers({ now: start, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  return {
    advance: (ms) => vi.advanceTimersByTime(ms),
    restore: () => vi.useRealTimers(),
  };
}
