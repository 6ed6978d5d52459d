// Group commit for SQLite in WAL mode: the WAL is fsynced off the main thread, once for every commit made
// meanwhile, so a slow disk stalls only the writes waiting for it, never the whole server.
import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

export class WalSync {
  /** Commits made, and how many of them are known to be on disk. */
  private committed = 0;
  private synced = 0;
  private running: Promise<void> | null = null;

  /** `syncToDisk` makes everything written so far durable (fsync of the WAL file). */
  constructor(private readonly syncToDisk: () => Promise<void> = async () => {}) {}

  noteCommit(): void {
    this.committed += 1;
  }

  /** Commits made so far: compare two readings to tell whether anything was committed in between. */
  get commits(): number {
    return this.committed;
  }

  /** Resolves once every commit made before the call is on disk; rejects if the disk refuses. */
  async flush(): Promise<void> {
    const target = this.committed;
    while (this.synced < target) {
      // One fsync at a time; whoever arrives meanwhile shares the next one (that is the group commit).
      this.running ??= this.syncOnce().finally(() => {
        this.running = null;
      });
      await this.running;
    }
  }

  private async syncOnce(): Promise<void> {
    const upTo = this.committed;
    await this.syncToDisk();
    this.synced = Math.max(this.synced, upTo);
  }
}

/**
 * fsync of `<database>-wal`, and once of its directory (the WAL file may be new since the database was opened).
 * `walSize` hears the log's size after each fsync (the checkpointer starts once the log has grown).
 */
export function walFileSync(
  databaseFile: string,
  walSize: (bytes: number) => void = () => {},
): { sync: () => Promise<void>; close: () => Promise<void> } {
  const walFile = `${databaseFile}-wal`;
  let wal: FileHandle | null = null;
  let directorySynced = false;
  return {
    async sync() {
      wal ??= await open(walFile, 'r');
      await wal.sync();
      walSize((await wal.stat()).size);
      if (!directorySynced) {
        const directory = await open(dirname(walFile), 'r');
        await directory.sync().finally(() => directory.close());
        directorySynced = true;
      }
    },
    async close() {
      await wal?.close();
      wal = null;
    },
  };
}
