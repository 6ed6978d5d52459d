// Runs the SLA clocks: sleeps until the next stored due point, fires what is due, and catches up after downtime.
import type { DomainEvents } from '../events';
import type { Clock, Store } from '../ports';
import type { TicketWriter } from '../tickets/ticket-writes';
import type { Timers } from '../chats/visitor-presence';

export interface SlaSchedulerDeps {
  store: Store;
  clock: Clock;
  timers: Timers;
  writer: TicketWriter;
  events: DomainEvents;
  onError: (error: unknown) => void;
  /** Longest sleep between looks at the store (default MAX_SLEEP_MS). */
  maxSleepMs?: number;
}

/** Never sleep longer than this: another process may have written an earlier deadline meanwhile. */
export const MAX_SLEEP_MS = 30_000;
const BATCH = 50;

/**
 * Deadlines live in the store, so this holds no state that matters: after a restart `start()` finds every
 * point that fell due while the server was down and fires it. Each point fires once because firing is a
 * write conditional on the ticket's version that also marks the point as fired (see TicketWriter).
 */
export class SlaScheduler {
  private timer: unknown = null;
  private stopped = true;
  private running: Promise<void> | null = null;
  private runAgain = false;
  private readonly busy = new Set<Promise<unknown>>();
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly deps: SlaSchedulerDeps) {}

  /** Fires what is already due, then keeps watching. */
  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    // A ticket written in this process may have a nearer deadline than the one we sleep towards.
    this.unsubscribe = this.deps.events.on((event) => {
      if (event.type === 'ticket.changed') this.poke();
    });
    await this.runDue();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer !== null) this.deps.timers.clear(this.timer);
    this.timer = null;
  }

  /** Look at the store again and sleep until the next due point. */
  poke(): void {
    if (!this.stopped && !this.running) this.track(this.arm());
  }

  /** Fires everything due now; concurrent calls share one run. */
  runDue(): Promise<void> {
    if (this.running) {
      this.runAgain = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.runAgain = false;
          await this.fireAll();
        } while (this.runAgain);
      } catch (error) {
        this.deps.onError(error);
      } finally {
        this.running = null;
      }
      await this.arm();
    })();
    this.track(this.running);
    return this.running;
  }

  /** Resolves once nothing is being fired or scheduled (tests wait on it after moving the clock). */
  async idle(): Promise<void> {
    while (this.busy.size) await Promise.allSettled([...this.busy]);
  }

  private async fireAll(): Promise<void> {
    const { store, clock, writer, onError } = this.deps;
    // A ticket that cannot be written (say, it kept conflicting) is tried again on the next run, not in a loop now.
    const done = new Set<string>();
    for (;;) {
      const due = (await store.listTicketsDue(clock.now(), BATCH)).filter((t) => !done.has(t.id));
      if (due.length === 0 || this.stopped) return;
      for (const ticket of due) {
        done.add(ticket.id);
        await writer.mutate(ticket.id, () => null).catch(onError);
      }
    }
  }

  private async arm(): Promise<void> {
    const { store, clock, timers } = this.deps;
    const next = await store.nextTicketDueAt();
    if (this.stopped || this.running) return;
    const longest = this.deps.maxSleepMs ?? MAX_SLEEP_MS;
    const delay = next === null ? longest : Math.min(longest, Math.max(0, next - clock.now()));
    if (this.timer !== null) timers.clear(this.timer);
    this.timer = timers.set(() => {
      this.timer = null;
      void this.runDue();
    }, delay);
  }

  private track(work: Promise<unknown>): void {
    const tracked = work.catch(this.deps.onError).finally(() => this.busy.delete(tracked));
    this.busy.add(tracked);
  }
}
