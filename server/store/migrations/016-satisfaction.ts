// Satisfaction ratings (CSAT): one per chat or ticket, given by its user after it closed or was resolved.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('satisfaction_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    // 'chat' or 'ticket'
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('end_user_id', 'text', (c) => c.notNull())
    // Who handled it when it was rated; figures per agent count it for them even after a transfer later.
    .addColumn('agent_id', 'text')
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('satisfaction_ratings_subject', ['subject_kind', 'subject_id'])
    .execute();
  await db.schema.createIndex('satisfaction_ratings_org_time').on('satisfaction_ratings').columns(['organisation_id', 'created_at']).execute();
  await db.schema.createIndex('satisfaction_ratings_agent').on('satisfaction_ratings').columns(['agent_id', 'created_at']).execute();
  await db.schema.createIndex('satisfaction_ratings_user').on('satisfaction_ratings').column('end_user_id').execute();
}
