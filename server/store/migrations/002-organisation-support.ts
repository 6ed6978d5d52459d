// Organisations get a dedicated account manager (an agent) and a hotline number for emergencies.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('organisations')
    .addColumn('account_manager_id', 'text', (c) => c.references('agents.id'))
    .execute();
  await db.schema.alterTable('organisations').addColumn('hotline', 'text').execute();
}
