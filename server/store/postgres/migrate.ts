// Brings a PostgreSQL database up to date, safely when several nodes start at once on an empty database.
import { Migrator, sql, type Kysely } from 'kysely';
import { migrationProvider } from '../migrations/index';
import type { Database } from '../schema';
import { TICKET_NUMBER_SEQUENCE } from './traits';

/** Session advisory lock key for "this node is migrating" (any constant; Kysely's own lock uses another). */
const MIGRATION_LOCK = 0x63735f6d; // "cs_m"

/**
 * Kysely's Migrator already serialises runs with its own advisory lock and tolerates racing creations of its
 * bookkeeping tables; we hold one more lock around it so the PostgreSQL-only step after it (the ticket number
 * sequence) is also done by one node at a time, and a node starting meanwhile waits and then finds nothing to do.
 */
export async function migratePostgres(db: Kysely<Database>, schema?: string): Promise<void> {
  await db.connection().execute(async (session) => {
    await sql`select pg_advisory_lock(${sql.lit(MIGRATION_LOCK)})`.execute(session);
    try {
      // Migrations from features developed side by side may land in any order; each is independent.
      // Kysely looks for its bookkeeping tables in every schema unless told which one is ours.
      const migrator = new Migrator({
        db,
        provider: migrationProvider,
        allowUnorderedMigrations: true,
        ...(schema ? { migrationTableSchema: schema } : {}),
      });
      const { error } = await migrator.migrateToLatest();
      if (error) throw error;
      await ensureTicketNumberSequence(db);
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(MIGRATION_LOCK)})`.execute(session);
    }
  });
}

/**
 * Ticket numbers on PostgreSQL come from a sequence (see traits.ts). Created once, starting after any number
 * already given (from the shared `counters` row, or tickets that exist), so numbers are never reused.
 */
async function ensureTicketNumberSequence(db: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ found: string | null }>`select to_regclass(${TICKET_NUMBER_SEQUENCE})::text as found`.execute(db);
  if (rows[0]?.found) return;
  const used = await db
    .selectFrom('tickets')
    .select((eb) => eb.fn.max('number').as('n'))
    .executeTakeFirst();
  const counter = await db.selectFrom('counters').select('value').where('name', '=', 'tickets').executeTakeFirst();
  const start = Math.max(Number(used?.n ?? 0), Number(counter?.value ?? 0)) + 1;
  await sql`create sequence ${sql.id(TICKET_NUMBER_SEQUENCE)} start with ${sql.lit(start)}`.execute(db);
}
