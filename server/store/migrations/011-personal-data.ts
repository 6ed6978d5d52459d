// Personal data: the append-only audit log of administrative actions, per-organisation retention, when an end
// user was erased, and the cluster job table (one row per scheduled job, claimed by a conditional update).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Names and labels are copied, like chat_moves: the entry stays readable after an agent or organisation is
  // renamed or an end user is erased. No foreign keys, so nothing deleted elsewhere can take an entry with it.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'bigint', (c) => c.notNull())
    // 'agent' (a signed-in person), 'system' (a scheduled job) or 'operator' (a command on the server's machine).
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text')
    .addColumn('target_id', 'text')
    .addColumn('target_label', 'text')
    .addColumn('details', 'text', (c) => c.notNull()) // JSON object: what changed, never a secret
    .addColumn('address', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
  await db.schema.createIndex('audit_log_action_at').on('audit_log').columns(['action', 'at']).execute();
  await db.schema.createIndex('audit_log_actor_at').on('audit_log').columns(['actor_id', 'at']).execute();

  // Days to keep chats, tickets and files; null keeps them.
  await db.schema.alterTable('organisations').addColumn('retention_days', 'integer').execute();
  await db.schema.alterTable('end_users').addColumn('erased_at', 'bigint').execute();
  await db.schema.createIndex('conversations_org_closed').on('conversations').columns(['organisation_id', 'closed_at']).execute();
  await db.schema.createIndex('tickets_org_closed').on('tickets').columns(['organisation_id', 'closed_at']).execute();

  await db.schema
    .createTable('cluster_jobs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('next_run_at', 'bigint', (c) => c.notNull())
    .addColumn('last_run_at', 'bigint')
    .addColumn('runs', 'bigint', (c) => c.notNull())
    .execute();
}
