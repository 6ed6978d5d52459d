// Tells waiting visitors their place in the queue: one recomputation at a time however many changes come in,
// and only the places that moved since this process last put them on the wire.

export interface QueuePositionsDeps {
  /** Every queued conversation's 1-based place, read afresh from the store. */
  read(): Promise<ReadonlyMap<string, number>>;
  /** Puts one conversation's new place on the wire, to every socket of its room in this process. */
  tell(conversationId: string, position: number): void;
  onError(error: unknown): void;
  /** Resolves on the event loop's next turn, so that changes arriving together share one pass. */
  nextTurn?: () => Promise<void>;
}

const setImmediateTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Places told per turn of the event loop. A class-start burst moves 2,000 places in one pass; telling them all
 * in one go held the loop for a quarter of a second (health checks and pings waited behind it).
 */
export const TELLS_PER_TURN = 250;

/**
 * Invariant: `told` holds, per waiting conversation, the place every socket of its room in this process was
 * last shown (absent when unknown). Every change, and every full view that showed a place, asks for a pass that
 * reads the store after it was sent, so the last place a visitor gets is always the one the store last held.
 * Several processes on one database each keep their own `told` for their own sockets: a place may be said
 * twice, never wrongly.
 */
export class QueuePositions {
  private readonly told = new Map<string, number>();
  private running: Promise<void> | null = null;
  private dirty = false;
  private closed = false;
  private readonly nextTurn: () => Promise<void>;

  constructor(private readonly deps: QueuePositionsDeps) {
    this.nextTurn = deps.nextTurn ?? setImmediateTurn;
  }

  /** The queue may have changed. While a pass runs this only marks it dirty, and one more pass follows. */
  changed(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.dirty = true;
    this.running ??= this.run();
    return this.running;
  }

  /**
   * A full view showing `position` went to the conversation's whole room. It may have been read before the
   * last pass's, so a pass follows. Null (not waiting) needs none: the chat left the queue, and whatever
   * moved the others comes with its own change.
   */
  shownToRoom(conversationId: string, position: number | null): void {
    if (position === null) return void this.told.delete(conversationId);
    this.told.set(conversationId, position);
    void this.changed();
  }

  /**
   * A full view went to one socket only (a session, an ack). If it showed another place than the rest of the
   * room holds, the room no longer agrees: the next pass says the place again, to all of them.
   */
  shownToOne(conversationId: string, position: number | null): void {
    if (this.told.get(conversationId) !== position) this.told.delete(conversationId);
    if (position !== null) void this.changed();
  }

  /** No pass starts after this; resolves when the running one (if any) is done, so the store can close. */
  close(): Promise<void> {
    this.closed = true;
    this.dirty = false;
    return this.running ?? Promise.resolve();
  }

  private async run(): Promise<void> {
    try {
      while (this.dirty) {
        await this.nextTurn();
        if (this.closed) return;
        // Cleared before reading: any change from here on is after the read, so it needs a pass of its own.
        this.dirty = false;
        try {
          await this.pass();
        } catch (error) {
          this.deps.onError(error);
        }
      }
    } finally {
      this.running = null;
    }
  }

  private async pass(): Promise<void> {
    const places = await this.deps.read();
    // Chats that left the queue are forgotten; coming back, they are told their place again.
    for (const conversationId of this.told.keys()) if (!places.has(conversationId)) this.told.delete(conversationId);
    let told = 0;
    for (const [conversationId, place] of places) {
      if (this.told.get(conversationId) === place) continue;
      // A place that moved while we yielded marked the queue dirty: the pass after this one corrects it.
      if (++told % TELLS_PER_TURN === 0) await this.nextTurn();
      if (this.closed) return;
      this.told.set(conversationId, place);
      this.deps.tell(conversationId, place);
    }
  }
}
