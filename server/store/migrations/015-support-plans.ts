// Support plans: every saved change a new (id, version) row; an organisation's plan; a ticket's plan and the
// calendar its clocks count in (copied at creation like the targets, so a plan change applies to new tickets).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('support_plans')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('targets', 'text', (c) => c.notNull()) // JSON, as sla_policies.targets
    .addColumn('warn_percent', 'integer', (c) => c.notNull())
    .addColumn('business_hours', 'text') // JSON; null: 24×7
    .addColumn('credit_per_breach', 'text') // JSON; null: no credit
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addPrimaryKeyConstraint('support_plans_pk', ['id', 'version'])
    .execute();
  await db.schema.alterTable('organisations').addColumn('support_plan_id', 'text').execute();
  await db.schema.alterTable('tickets').addColumn('sla_plan_id', 'text').execute();
  await db.schema.alterTable('tickets').addColumn('sla_hours', 'text').execute();
  await db.schema.createIndex('tickets_org_created').on('tickets').columns(['organisation_id', 'created_at']).execute();
}
