// A timer that runs a job once per interval across every process sharing the database: each process looks
// now and then, and only the one whose conditional claim in the store succeeds runs it. Reusable by any
// periodic work that must not run twice (retention today; reports or clean-ups later).
import type { Clock } from '../ports';
import type { Timers } from '../chats/visitor-presence';
import type { ClusterJobStore } from './privacy-store';

export interface ClusterJobOptions {
  name: string;
  /** Time between runs, cluster-wide. */
  intervalMs: number;
  /** How often each process asks whether a run is due (at most the interval). */
  pollMs: number;
  run(now: number): Promise<void>;
  onError(error: unknown): void;
}

export class ClusterJob {
  private handle: unknown = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(
    private readonly deps: { store: ClusterJobStore; clock: Clock; timers: Timers },
    private readonly options: ClusterJobOptions,
  ) {}

  /** Looks at once (a run due while every process was down happens now), then every pollMs. */
  start(): void {
    this.stopped = false;
    this.tick();
  }

  stop(): void {
    this.stopped = true;
    if (this.handle !== null) this.deps.timers.clear(this.handle);
    this.handle = null;
  }

  /** Resolves when a run in progress has finished. */
  async idle(): Promise<void> {
    await this.running;
  }

  /** Claims and runs the job if a run is due; true if this process ran it. */
  async runIfDue(): Promise<boolean> {
    const now = this.deps.clock.now();
    if (!(await this.deps.store.claimJob(this.options.name, now, now + this.options.intervalMs))) return false;
    await this.options.run(now);
    return true;
  }

  private tick(): void {
    this.running = this.runIfDue()
      .then(() => undefined, this.options.onError)
      .finally(() => {
        this.running = null;
        if (!this.stopped) this.handle = this.deps.timers.set(() => this.tick(), Math.min(this.options.pollMs, this.options.intervalMs));
      });
  }
}
