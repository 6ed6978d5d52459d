// Timers driven by a FakeClock: moving the clock runs every timer that comes due, in time order.
import type { Timers } from '../../server/domain/chats/visitor-presence';
import type { FakeClock } from './fake-clock';

interface Pending {
  id: number;
  at: number;
  run: () => void;
}

export class FakeTimers implements Timers {
  private pending: Pending[] = [];
  private nextId = 1;

  /** `settle` is awaited after each timer runs, so async work a timer starts finishes before time moves on. */
  constructor(
    private readonly clock: FakeClock,
    private settle: () => Promise<void> = async () => {},
  ) {}

  onSettle(settle: () => Promise<void>): void {
    this.settle = settle;
  }

  set(run: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.push({ id, at: this.clock.now() + Math.max(0, ms), run });
    return id;
  }

  clear(handle: unknown): void {
    this.pending = this.pending.filter((p) => p.id !== handle);
  }

  /** Moves the clock forward by `ms`, stopping at each timer on the way to run it. */
  async advance(ms: number): Promise<void> {
    const end = this.clock.now() + ms;
    // Work already under way may still be setting timers.
    await this.settle();
    for (;;) {
      const due = this.pending.filter((p) => p.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) {
        if (this.clock.now() >= end) return;
        this.clock.advance(end - this.clock.now());
        await this.settle();
        continue;
      }
      this.pending = this.pending.filter((p) => p !== due);
      if (due.at > this.clock.now()) this.clock.advance(due.at - this.clock.now());
      due.run();
      await this.settle();
    }
  }
}
