// On-call paging (issue 14): each organisation's rota time zone, who is on call when per tier, the team chats
// pages are posted to, and the pages themselves (one per ticket and reason, claimed by one node per step).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('oncall_settings')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id'))
    // IANA zone the admins enter shifts in.
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('oncall_shifts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    // 'L1', 'L2' or 'account_manager'
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint', (c) => c.notNull())
    // Where the admin saved it from: acknowledge links point there when SUPPORT_PUBLIC_URL is not set.
    .addColumn('console_origin', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oncall_shifts_when').on('oncall_shifts').columns(['organisation_id', 'tier', 'starts_at']).execute();

  await db.schema
    .createTable('paging_channels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    // 'json', 'slack', 'feishu', 'dingtalk' or 'wecom'
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('paging_channels_org').on('paging_channels').column('organisation_id').execute();

  await db.schema
    .createTable('pages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    // 'p1_ticket', 'callback', 'sla_warning' or 'sla_breach'
    .addColumn('reason', 'text', (c) => c.notNull())
    // ticket id + reason (+ SLA metric): the same cause never pages twice, whichever node saw it.
    .addColumn('cause_key', 'text', (c) => c.notNull().unique())
    .addColumn('first_tier', 'text', (c) => c.notNull())
    // Tier and agent paged last (null before the first step).
    .addColumn('tier', 'text')
    .addColumn('agent_id', 'text')
    .addColumn('step', 'integer', (c) => c.notNull())
    // 'paging', 'acknowledged', 'unanswered' (every tier paged, nobody acknowledged) or 'cancelled' (ticket solved first)
    .addColumn('status', 'text', (c) => c.notNull())
    // The next step (first page, or escalation) falls due; null when nothing more is to do.
    .addColumn('due_at', 'bigint')
    // The secret in the acknowledge link of the email and chat message: it can only acknowledge this page.
    .addColumn('ack_token', 'text', (c) => c.notNull().unique())
    .addColumn('acknowledged_at', 'bigint')
    .addColumn('acknowledged_by', 'text')
    // JSON: what each step did (who was paged, email and chat outcomes).
    .addColumn('log', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pages_due').on('pages').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('pages_org_time').on('pages').columns(['organisation_id', 'created_at']).execute();
}
