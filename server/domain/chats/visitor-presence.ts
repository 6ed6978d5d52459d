// Which visitors have the widget connected right now; a short grace keeps a quick reconnect from flapping.

/** setTimeout/clearTimeout, injectable so tests can drive the grace period. */
export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const systemTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export const VISITOR_OFFLINE_GRACE_MS = 10_000;

export class VisitorPresence {
  /** End user id → live connections on this node. */
  private readonly connections = new Map<string, number>();
  /** End users whose last connection dropped, until the grace period ends. */
  private readonly leaving = new Map<string, unknown>();

  /**
   * @param elsewhere whether the visitor is online on another node (several nodes share the work); this class
   *   counts this node's connections only, and announces only this node's changes.
   */
  constructor(
    private readonly announce: (endUserId: string, online: boolean) => void,
    private readonly graceMs: number = VISITOR_OFFLINE_GRACE_MS,
    private readonly timers: Timers = systemTimers,
    private readonly elsewhere: (endUserId: string) => boolean = () => false,
  ) {}

  connected(endUserId: string): void {
    const count = (this.connections.get(endUserId) ?? 0) + 1;
    this.connections.set(endUserId, count);
    const pending = this.leaving.get(endUserId);
    if (pending !== undefined) {
      // Back within the grace period: to everyone else they never left.
      this.timers.clear(pending);
      this.leaving.delete(endUserId);
    } else if (count === 1) {
      this.announce(endUserId, true);
    }
  }

  disconnected(endUserId: string): void {
    const count = (this.connections.get(endUserId) ?? 0) - 1;
    if (count > 0) return void this.connections.set(endUserId, count);
    this.connections.delete(endUserId);
    if (this.leaving.has(endUserId)) return;
    this.leaving.set(
      endUserId,
      this.timers.set(() => {
        this.leaving.delete(endUserId);
        this.announce(endUserId, false);
      }, this.graceMs),
    );
  }

  isOnline(endUserId: string): boolean {
    return this.isOnlineHere(endUserId) || this.elsewhere(endUserId);
  }

  /** Connected to this node, or within the grace period of their last connection to it. */
  isOnlineHere(endUserId: string): boolean {
    return this.connections.has(endUserId) || this.leaving.has(endUserId);
  }

  /** Everyone online on this node, for other nodes that ask. */
  onlineHere(): string[] {
    return [...new Set([...this.connections.keys(), ...this.leaving.keys()])];
  }

  /** Forget pending timers (server shutdown). */
  stop(): void {
    for (const handle of this.leaving.values()) this.timers.clear(handle);
    this.leaving.clear();
  }
}
