// The agent's time zone, saved with the account (like the console's language): the console shows clock times
// in it and emails to the agent name times in it. Null: the browser's zone in the console, UTC in emails.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agents').addColumn('time_zone', 'text').execute();
}
