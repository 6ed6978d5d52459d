// Migration 023 on both stores: a webhook the server turned off before reasons were codes said why in English;
// it becomes the code with the receiver's last answer kept, which every reader's language renders. Endpoints
// that are on, or paused by an admin, keep no reason.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { DialectTraits } from '../../server/store/kysely/dialect';
import { kyselyStore } from '../../server/store/kysely/store';
import { migrationProvider } from '../../server/store/migrations/index';
import type { Database } from '../../server/store/schema';
import { postgresTraits, TICKET_NUMBER_SEQUENCE } from '../../server/store/postgres/traits';
import { sqliteTraits } from '../../server/store/sqlite/traits';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { anOrganisation } from '../support/records';

const OLD = 'Deliveries failed for 24 hours (last answer: connect ECONNREFUSED 127.0.0.1:9)';

async function migrationRun(db: Kysely<Database>, traits: DialectTraits, prepare?: () => Promise<unknown>) {
  const all = await migrationProvider.getMigrations();
  const without023 = Object.fromEntries(Object.entries(all).filter(([name]) => !name.startsWith('023-')));
  const before = await new Migrator({ db, provider: { getMigrations: async () => without023 }, allowUnorderedMigrations: true }).migrateToLatest();
  if (before.error) throw before.error;
  await prepare?.();
  const store = kyselyStore(db, traits);
  const org = await store.createOrganisation(anOrganisation());
  const row = (id: string, active: number, reason: string | null) => ({
    id,
    organisation_id: org.id,
    url: `https://hooks.school.example/${id}`,
    events: '["ticket.created"]',
    secret: 's',
    active,
    disabled_reason: reason,
    created_at: 1,
    updated_at: 1,
  });
  await db
    .insertInto('webhooks')
    .values([row('off', 0, OLD), row('paused', 0, null), row('on', 1, null)] as never)
    .execute();
  const after = await new Migrator({ db, provider: migrationProvider, allowUnorderedMigrations: true }).migrateToLatest();
  if (after.error) throw after.error;
  return {
    off: await store.getWebhook('off'),
    paused: await store.getWebhook('paused'),
    on: await store.getWebhook('on'),
    stored: await db.selectFrom('webhooks').select('disabled_reason').where('id', '=', 'off').executeTakeFirstOrThrow(),
  };
}

function expectMigrated(result: Awaited<ReturnType<typeof migrationRun>>) {
  expect(result.off).toMatchObject({ active: false, disabledReason: { code: 'deliveries_failed', lastAnswer: 'connect ECONNREFUSED 127.0.0.1:9' } });
  // No language is stored any more: the code and the receiver's answer only.
  expect(result.stored.disabled_reason).not.toContain('Deliveries failed');
  expect(result.paused).toMatchObject({ active: false, disabledReason: null });
  expect(result.on).toMatchObject({ active: true, disabledReason: null });
}

describe('migration 023: webhook shut-off reasons as codes', () => {
  const dirs: string[] = [];
  let database: TestDatabase | null = null;
  afterAll(async () => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await database?.drop();
  });

  it('turns the English reason into the code on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-023-'));
    dirs.push(dir);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(join(dir, 'support.sqlite')) }) });
    try {
      expectMigrated(await migrationRun(db, sqliteTraits));
    } finally {
      await db.destroy();
    }
  });

  it('turns the English reason into the code on PostgreSQL', async () => {
    database = await createTestDatabase();
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 2 }) }) });
    try {
      expectMigrated(await migrationRun(db, postgresTraits, () => sql`create sequence ${sql.id(TICKET_NUMBER_SEQUENCE)}`.execute(db)));
    } finally {
      await db.destroy();
    }
  }, 60_000);
});
