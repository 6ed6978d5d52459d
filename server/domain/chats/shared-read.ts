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

  /** Nothing running or queued: the next read starts at once. */
  get idle(): boolean {
    return this.running === null && this.queued === null;
  }

  private start(): Promise<T> {
    const read = this.load().finally(() => {
      if (this.running === read) this.running = null;
    });
    this.running = read;
    return read;
  }
}

/** SharedRead per key (e.g. an organisation's app key), kept only while a read for that key is pending. */
export class KeyedSharedRead<K, T> {
  private readonly reads = new Map<K, SharedRead<T>>();

  constructor(private readonly load: (key: K) => Promise<T>) {}

  read(key: K): Promise<T> {
    let shared = this.reads.get(key);
    if (!shared) {
      const created = new SharedRead(() => this.load(key));
      this.reads.set(key, created);
      shared = created;
    }
    const result = shared.read();
    const forget = () => {
      if (this.reads.get(key) === shared && shared.idle) this.reads.delete(key);
    };
    result.then(forget, forget);
    return result;
  }

  /** Keys with a read pending (for tests: nothing is kept once reads are done). */
  get pending(): number {
    return this.reads.size;
  }
}
