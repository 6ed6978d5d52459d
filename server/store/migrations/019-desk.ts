// The account manager's desk: check-ins with a customer (with a reminder fired once) and launch windows.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('desk_check_ins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('agenda', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('remind_minutes_before', 'integer', (c) => c.notNull())
    // When the reminder is due (at − remind); null: no reminder. Claimed by setting reminded_at, once.
    .addColumn('remind_at', 'bigint')
    .addColumn('reminded_at', 'bigint')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('desk_check_ins_org_at').on('desk_check_ins').columns(['organisation_id', 'at']).execute();
  await db.schema.createIndex('desk_check_ins_remind').on('desk_check_ins').columns(['reminded_at', 'remind_at']).execute();
  await db.schema
    .createTable('launch_windows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('launch_windows_org_end').on('launch_windows').columns(['organisation_id', 'ends_at']).execute();
  await db.schema.createIndex('launch_windows_end').on('launch_windows').column('ends_at').execute();
}
