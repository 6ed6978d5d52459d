// Quality monitoring: each organisation's rules, per-minute aggregates per classroom (raw samples are never
// stored), tickets of kind 'incident', and what an incident links (affected users, their chats and tickets).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('quality_rules')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('rules', 'text', (c) => c.notNull()) // JSON: QualityRules
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('quality_minutes')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('classroom_id', 'text', (c) => c.notNull())
    .addColumn('minute', 'bigint', (c) => c.notNull())
    .addColumn('reports', 'integer', (c) => c.notNull())
    .addColumn('users', 'integer', (c) => c.notNull())
    .addColumn('degraded_users', 'integer', (c) => c.notNull())
    .addColumn('rtt_ms', 'real')
    .addColumn('packet_loss_pct', 'real')
    .addColumn('jitter_ms', 'real')
    .addPrimaryKeyConstraint('quality_minutes_pk', ['organisation_id', 'classroom_id', 'minute'])
    .execute();
  await db.schema.createIndex('quality_minutes_org_minute').on('quality_minutes').columns(['organisation_id', 'minute']).execute();

  // Every existing ticket is an ordinary one.
  await db.schema
    .alterTable('tickets')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo(sql`'standard'`))
    .execute();

  await db.schema
    .createTable('incident_links')
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    // 'end_user', 'conversation' or 'ticket'
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_links_pk', ['ticket_id', 'target_kind', 'target_id'])
    .execute();
  await db.schema.createIndex('incident_links_target').on('incident_links').columns(['target_kind', 'target_id']).execute();
}
