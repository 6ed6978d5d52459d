// Incidents: one row per incident ticket, naming its classroom. `open_key` (organisation + classroom while
// open, null once resolved) is unique, so of several nodes judging the same classroom exactly one opens it.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incidents')
    // No foreign key to tickets: the claim is inserted first, before a ticket number is used up (a losing
    // node must not burn a number: PostgreSQL sequences are not rolled back). Same transaction as the ticket.
    .addColumn('ticket_id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('classroom_id', 'text', (c) => c.notNull())
    // NULLs never collide in a unique constraint (SQLite and PostgreSQL alike): resolved incidents free the key.
    .addColumn('open_key', 'text', (c) => c.unique())
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('recovered_at', 'bigint')
    .addColumn('resolved_at', 'bigint')
    .addColumn('last_update', 'text') // JSON: IncidentUpdate
    .execute();
  await db.schema.createIndex('incidents_org_classroom').on('incidents').columns(['organisation_id', 'classroom_id']).execute();
}
