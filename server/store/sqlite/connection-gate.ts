// Hands the one SQLite connection to its waiters one at a time, in arrival order, and lets the event loop breathe
// when the store's users have kept it busy for a while (waiters queued behind each other, or a burst of requests).
//
// Kysely's own mutex wakes every waiter on each release and all but one go back to sleep: with a class's worth of
// chats starting at once (thousands of queries waiting) that was a quadratic storm of promise continuations, the
// largest cost in the profile. And since better-sqlite3 answers synchronously, waiters handed over in microtasks
// never let sockets, timers or /healthz run until the whole backlog was through.

/** How long waiters may be handed the connection back to back before I/O gets a turn. */
export const DEFAULT_SLICE_MS = 8;

export interface GateClock {
  now(): number;
  /** Runs `fn` after pending I/O (setImmediate). */
  later(fn: () => void): void;
}

const realClock: GateClock = { now: () => performance.now(), later: (fn) => void setImmediate(fn) };

/**
 * Invariant: at most one holder at a time; waiters get the connection in the order they asked for it. Handing over
 * happens at once while the current turn of the event loop is younger than `sliceMs`, otherwise after I/O.
 */
export class ConnectionGate {
  private held = false;
  /** A FIFO: waiters from `head` on; the array is compacted now and then (shift() is O(n) on long queues). */
  private waiters: (() => void)[] = [];
  private head = 0;
  /** When the current run of back-to-back handovers began; reset whenever the event loop got a turn. */
  private sliceStart: number | null = null;

  constructor(
    private readonly sliceMs = DEFAULT_SLICE_MS,
    private readonly clock: GateClock = realClock,
  ) {}

  get waiting(): number {
    return this.waiters.length - this.head;
  }

  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      // Free, but perhaps the event loop has gone a whole slice without a turn: a class start's requests, each
      // answered synchronously, arrive in one burst of socket reads and would otherwise run back to back (health
      // checks and pings waited 400 ms behind them). Later callers queue behind this one, in order.
      return new Promise<void>((resolve) => this.handOver(resolve));
    }
    return new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.dequeue();
    if (!next) {
      this.held = false;
      return;
    }
    // Still held: the next waiter owns it from here, whether it runs now or after I/O.
    this.handOver(next);
  }

  /** Gives the connection to `holder` at once while the current slice is young, otherwise after I/O in a new one. */
  private handOver(holder: () => void): void {
    if (this.clock.now() - this.startSlice() < this.sliceMs) return holder();
    this.clock.later(() => {
      this.sliceStart = null;
      this.startSlice();
      holder();
    });
  }

  private dequeue(): (() => void) | undefined {
    if (this.head === this.waiters.length) return undefined;
    const next = this.waiters[this.head++];
    if (this.head === this.waiters.length) {
      this.waiters = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.waiters.length) {
      this.waiters = this.waiters.slice(this.head);
      this.head = 0;
    }
    return next;
  }

  /** The start of the current slice; a new slice begins once the event loop has had a turn (noticed via `later`). */
  private startSlice(): number {
    if (this.sliceStart === null) {
      const started = this.clock.now();
      this.sliceStart = started;
      this.clock.later(() => {
        if (this.sliceStart === started) this.sliceStart = null;
      });
    }
    return this.sliceStart;
  }
}
