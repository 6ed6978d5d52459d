// Tickets with their SLA clocks, history, attachments and call-backs; the ticket number counter; SLA policies; API tokens.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into counters (name, value) values ('tickets', 0)`.execute(db);

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'bigint', (c) => c.notNull().unique())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('end_user_id', 'text', (c) => c.references('end_users.id'))
    .addColumn('conversation_id', 'text', (c) => c.references('conversations.id'))
    .addColumn('linked_ticket_id', 'text', (c) => c.references('tickets.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('steps', 'text')
    .addColumn('since', 'text')
    .addColumn('affected', 'text')
    .addColumn('impact', 'text')
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.references('agents.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('environment', 'text')
    .addColumn('transcript', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('first_response_at', 'bigint')
    .addColumn('resolved_at', 'bigint')
    .addColumn('closed_at', 'bigint')
    .addColumn('auto_close_at', 'bigint')
    .addColumn('sla_policy_version', 'integer', (c) => c.notNull())
    .addColumn('sla_first_response_target_ms', 'bigint', (c) => c.notNull())
    .addColumn('sla_resolution_target_ms', 'bigint')
    .addColumn('sla_warn_percent', 'integer', (c) => c.notNull())
    .addColumn('sla_paused_ms', 'bigint', (c) => c.notNull())
    .addColumn('sla_paused_since', 'bigint')
    .addColumn('sla_fr_warn_at', 'bigint')
    .addColumn('sla_fr_due_at', 'bigint')
    .addColumn('sla_res_warn_at', 'bigint')
    .addColumn('sla_res_due_at', 'bigint')
    .addColumn('sla_fr_warned_at', 'bigint')
    .addColumn('sla_fr_breached_at', 'bigint')
    .addColumn('sla_res_warned_at', 'bigint')
    .addColumn('sla_res_breached_at', 'bigint')
    .addColumn('sla_next_due_at', 'bigint')
    .addColumn('sla_next_timer_at', 'bigint')
    .addColumn('sla_state', 'text', (c) => c.notNull())
    .addColumn('event_seq', 'integer', (c) => c.notNull())
    .addColumn('customer_seq', 'integer', (c) => c.notNull())
    .addColumn('customer_seen_seq', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('client_key', 'text', (c) => c.unique())
    .execute();
  await db.schema.createIndex('tickets_next_timer').on('tickets').column('sla_next_timer_at').execute();
  await db.schema.createIndex('tickets_status_next_due').on('tickets').columns(['status', 'sla_next_due_at']).execute();
  await db.schema.createIndex('tickets_assignee_status').on('tickets').columns(['assignee_id', 'status']).execute();
  await db.schema.createIndex('tickets_end_user_updated').on('tickets').columns(['end_user_id', 'updated_at']).execute();

  await db.schema
    .createTable('ticket_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('public', 'integer', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('client_key', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('ticket_events_ticket_seq', ['ticket_id', 'seq'])
    .addUniqueConstraint('ticket_events_client_key', ['ticket_id', 'client_key'])
    .execute();

  await db.schema
    .createTable('ticket_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_kind', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_id', 'text')
    .addColumn('uploaded_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ticket_attachments_ticket').on('ticket_attachments').column('ticket_id').execute();

  await db.schema
    .createTable('ticket_callbacks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('preferred_time', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('acknowledged_at', 'bigint')
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_by_name', 'text')
    .execute();
  await db.schema.createIndex('ticket_callbacks_ticket').on('ticket_callbacks').column('ticket_id').execute();

  await db.schema
    .createTable('sla_policies')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('targets', 'text', (c) => c.notNull())
    .addColumn('warn_percent', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();
}
