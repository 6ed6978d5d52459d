// Throw-away PostgreSQL databases for tests: each run creates its own uniquely named database on the local
// server (127.0.0.1:5432, user postgres, trust auth, or TEST_POSTGRES_URL) and drops it at the end.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The maintenance database tests connect to for CREATE / DROP DATABASE. */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  /** e.g. cs_test_4f9c2a1b7d3e */
  name: string;
  /** postgres://…/<name>, what DATABASE_URL is set to. */
  url: string;
  /** Drops the database, ending any connection still open to it. Safe to call twice. */
  drop(): Promise<void>;
}

/** The URL of database `name` on the same server as the admin URL. */
export function databaseUrl(name: string, adminUrl = POSTGRES_ADMIN_URL): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quoted = (name: string): string => {
  // Names are ours (prefix + hex), but never let anything else reach DDL.
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a safe database name: ${name}`);
  return `"${name}"`;
};

/** Drops database `name` if it exists, terminating its connections (PostgreSQL 13+). */
export async function dropTestDatabase(name: string): Promise<void> {
  await withAdmin((client) => client.query(`drop database if exists ${quoted(name)} with (force)`));
}

/** Creates an empty database named `<prefix>_<random>` (lower case letters, digits and _ only). */
export async function createTestDatabase(prefix = 'cs_test'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`create database ${quoted(name)}`));
  let dropped: Promise<void> | null = null;
  return {
    name,
    url: databaseUrl(name),
    drop: () => (dropped ??= dropTestDatabase(name)),
  };
}

/** True if the test PostgreSQL server answers; suites that need it fail loudly rather than skip when CI=true. */
export async function postgresReachable(): Promise<boolean> {
  return withAdmin((client) => client.query('select 1')).then(
    () => true,
    () => false,
  );
}

/**
 * Empties every table of a migrated database (the migration records stay) and restarts its sequences, so
 * one migrated database serves many tests: far cheaper than a database or a migration per test.
 */
export async function emptyDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "select quote_ident(table_name) as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_migration%'",
    );
    // DELETE is far cheaper than TRUNCATE on tables this small; replica mode skips the foreign-key checks
    // (tests connect as the superuser), so the order of tables does not matter.
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    for (const { name } of rows) await client.query(`delete from ${name}`);
    await client.query('commit');
    const sequences = await client.query<{ name: string }>(
      'select quote_ident(sequence_name) as name from information_schema.sequences where sequence_schema = current_schema()',
    );
    for (const { name } of sequences.rows) await client.query(`alter sequence ${name} restart`);
    // Rows migrations seed (the ticket counter) come back as a fresh migration leaves them.
    await client.query("insert into counters (name, value) values ('tickets', 0) on conflict (name) do nothing");
  } finally {
    await client.end();
  }
}
