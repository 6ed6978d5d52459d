// The embedded store: one SQLite file in WAL mode; every commit is on disk before anything reports it.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { Store } from '../../domain/ports';
import { kyselyStore } from '../kysely/store';
import type { Database } from '../schema';
import { sqliteTraits } from './traits';
import { DurableSqliteDialect, durableDatabase } from './durable-dialect';
import { WalSync, walFileSync } from './wal-sync';
import { checkpointWhenLarge } from './checkpointer';

export function openSqliteStore(file: string): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  // Durable like synchronous=FULL (a commit survives power loss before anyone hears of it), but the WAL is
  // fsynced by WalSync off the main thread, one fsync for all commits meanwhile. NORMAL keeps SQLite's own
  // syncs around checkpoints, so the file itself can never be corrupted.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // Several server processes may share one file; wait for the writer instead of failing at once.
  sqlite.pragma('busy_timeout = 5000');
  const onDisk = file !== ':memory:';
  // Checkpoints (copying the WAL back into the file, with their fsyncs) run in a worker thread: checkpointer.ts.
  if (onDisk) sqlite.pragma('wal_autocheckpoint = 0');
  const checkpointer = onDisk
    ? checkpointWhenLarge(file, (message) => process.emitWarning(`SQLite checkpoint failed (the next one retries): ${message}`))
    : null;
  const wal = onDisk ? walFileSync(file, (bytes) => checkpointer?.walSize(bytes)) : null;
  const sync = new WalSync(wal?.sync);
  const closed = async () => {
    await wal?.close();
    await checkpointer?.stop();
  };
  const db = new Kysely<Database>({ dialect: new DurableSqliteDialect({ database: durableDatabase(sqlite, sync) }, sync, closed) });
  const store = kyselyStore(db, sqliteTraits);
  return { ...store, durable: () => sync.flush() };
}
