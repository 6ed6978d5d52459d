// Kysely's SQLite dialect with three changes: statements are prepared once and reused; the connection goes to its
// waiters in order through a ConnectionGate (fair, and never starving I/O); and whoever committed through the
// connection waits for WalSync when handing it back, so a write resolves only once it is durable.
import type BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDatabase, type SqliteDialectConfig } from 'kysely';
import { ConnectionGate } from './connection-gate';
import type { WalSync } from './wal-sync';

/** Distinct statements kept prepared; the queries are few and fixed, so this is never reached in practice. */
const STATEMENT_CACHE = 500;

/** better-sqlite3 seen through Kysely's SqliteDatabase: cached statements, and every commit told to WalSync. */
export function durableDatabase(db: BetterSqlite3.Database, sync: WalSync): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  let wroteInTransaction = false;

  const prepared = (sql: string): BetterSqlite3.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (statements.size >= STATEMENT_CACHE) statements.delete(statements.keys().next().value as string);
      statements.set(sql, statement);
    }
    return statement;
  };

  /** A write outside a transaction, or the end of a transaction that wrote, is a commit to sync. */
  const after = (statement: BetterSqlite3.Statement) => {
    // BEGIN and COMMIT count as read-only statements: what matters is whether anything in between wrote.
    if (!statement.readonly) wroteInTransaction = true;
    if (db.inTransaction) return;
    if (wroteInTransaction) sync.noteCommit();
    wroteInTransaction = false;
  };

  return {
    close: () => db.close(),
    prepare(sql) {
      const statement = prepared(sql);
      return {
        reader: statement.reader,
        all(parameters) {
          const rows = statement.all(parameters);
          after(statement);
          return rows;
        },
        run(parameters) {
          const result = statement.run(parameters);
          after(statement);
          return result;
        },
        // A stream keeps its statement busy until it ends, so it gets one of its own.
        iterate: (parameters) => db.prepare(sql).iterate(parameters) as IterableIterator<unknown>,
      };
    },
  };
}

class DurableSqliteDriver extends SqliteDriver {
  constructor(
    config: SqliteDialectConfig,
    private readonly sync: WalSync,
    private readonly onDestroy: () => Promise<void>,
  ) {
    super(config);
  }

  /** Commits made before this holder got the connection; the connection is exclusive until it is released. */
  private commitsBefore = 0;
  /** In front of Kysely's own mutex, which therefore never has more than the one holder to deal with. */
  private readonly gate = new ConnectionGate();

  override async acquireConnection(): Promise<DatabaseConnection> {
    await this.gate.acquire();
    const connection = await super.acquireConnection();
    this.commitsBefore = this.sync.commits;
    return connection;
  }

  override async releaseConnection(): Promise<void> {
    const committed = this.sync.commits > this.commitsBefore;
    // Others may use the connection while the disk works; the writer's answer waits until its commit is durable.
    await super.releaseConnection();
    this.gate.release();
    if (committed) await this.sync.flush();
  }

  override async destroy(): Promise<void> {
    await this.sync.flush();
    await super.destroy();
    await this.onDestroy();
  }
}

export class DurableSqliteDialect extends SqliteDialect {
  constructor(
    private readonly settings: SqliteDialectConfig,
    private readonly sync: WalSync,
    /** Runs after the database is closed (e.g. to close the WAL file handle). */
    private readonly onDestroy: () => Promise<void> = async () => {},
  ) {
    super(settings);
  }

  override createDriver(): Driver {
    return new DurableSqliteDriver(this.settings, this.sync, this.onDestroy);
  }
}
