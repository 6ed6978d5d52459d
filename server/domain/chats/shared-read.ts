// One read shared by everyone who asks while it is pending: a burst of callers costs a couple of reads, not one each.

/**
 * Invariant: every caller gets the result of a read that began after it called. A caller arriving while a read
 * is running waits for the next one, which starts when the running one ends and serves everyone who queued
 * meanwhile; so at most two reads are ever outstanding, whatever the number of callers.
 */
const ignore = () => undefined;

export class SharedRead<T> {
  private running: Promise<T> | null = null;
  private queued: Promise<T> | null = null;

  constructor(private readonly load: () => Promise<T>) {}

  read(): Promise<T> {
    if (!this.running) return this.start();
    this.queued ??= this.running.then(ignore, ignore).then(() => {
      this.queued = null;
      return this.start();
    });
    return this.queued;
  }

  private start(): Promise<T> {
    const read = this.load().finally(() => {
      if (this.running === read) this.running = null;
    });
    this.running = read;
    return read;
  }
}
