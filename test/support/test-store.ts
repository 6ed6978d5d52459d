// Which store integration tests run on: SQLite by default, PostgreSQL with TEST_STORE=postgres (each server or
// deployment then gets a database of its own, dropped when it stops), or a database the test passes in.
import type { Store } from '../../server/domain/ports';
import { openPostgresStore } from '../../server/store/postgres/index';
import { openSqliteStore } from '../../server/store/sqlite/index';
import { createTestDatabase } from './postgres';

export type TestStoreKind = 'sqlite' | 'postgres';

export const testStoreKind = (): TestStoreKind => (process.env.TEST_STORE === 'postgres' ? 'postgres' : 'sqlite');

/** Connections per test node: several engineers' tests share one server's max_connections. */
export const TEST_POOL_SIZE = 5;

export interface TestDatabaseChoice {
  /** postgres://… when the test runs on PostgreSQL, else null (the SQLite file under the data directory). */
  databaseUrl: string | null;
  /** Drops the database if this choice created it. */
  release(): Promise<void>;
}

/** A database for one server or deployment: the given URL, a new database for TEST_STORE=postgres, or none. */
export async function chooseTestDatabase(options: { store?: TestStoreKind; databaseUrl?: string } = {}): Promise<TestDatabaseChoice> {
  if (options.databaseUrl) return { databaseUrl: options.databaseUrl, release: async () => {} };
  if ((options.store ?? testStoreKind()) === 'sqlite') return { databaseUrl: null, release: async () => {} };
  const database = await createTestDatabase();
  return { databaseUrl: database.url, release: () => database.drop() };
}

/** Opens the store a test server will run on, for seeding it beforehand. */
export function openTestStore(databaseUrl: string | null, sqliteFile: string): Store {
  return databaseUrl ? openPostgresStore(databaseUrl, { max: 2 }) : openSqliteStore(sqliteFile);
}
