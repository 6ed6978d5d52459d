// The loop shared by reply emails and paging: domain events are written down as due rows (`note`), and one
// round at a time (`round`) looks for rows that fell due, every `pollMs` or at once when nudged. Stopping
// waits for the writes already started and the round in flight, so nothing is cut off half way.
import type { Timers } from '../chats/visitor-presence';
import type { DomainEvent, DomainEvents } from '../events';

export interface DuePollerDeps {
  timers: Timers;
  pollMs: number;
  /** Handles what fell due once; errors go to onError and the next round runs anyway. */
  round: () => Promise<void>;
  /** Writes down what an event calls for, or null when it calls for nothing. */
  note: (event: DomainEvent) => Promise<void> | null;
  onError: (error: unknown) => void;
}

export class DuePoller {
  private handle: unknown = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private unsubscribe: (() => void) | null = null;
  private readonly writing = new Set<Promise<void>>();

  constructor(private readonly deps: DuePollerDeps) {}

  start(events: DomainEvents): void {
    this.stopped = false;
    this.unsubscribe = events.on((event) => {
      const work = this.deps.note(event);
      if (!work) return;
      const tracked = work.catch(this.deps.onError).finally(() => this.writing.delete(tracked));
      this.writing.add(tracked);
    });
    this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.handle !== null) this.deps.timers.clear(this.handle);
    this.handle = null;
    await Promise.allSettled([...this.writing]);
    await this.running;
  }

  /** A round now rather than at the next poll (unless one is running, which picks the work up anyway). */
  nudge(): void {
    if (this.stopped || this.running) return;
    if (this.handle !== null) this.deps.timers.clear(this.handle);
    this.handle = null;
    this.tick();
  }

  private tick(): void {
    this.running = this.deps
      .round()
      .catch(this.deps.onError)
      .finally(() => {
        this.running = null;
        if (!this.stopped) this.handle = this.deps.timers.set(() => this.tick(), this.deps.pollMs);
      });
  }
}
