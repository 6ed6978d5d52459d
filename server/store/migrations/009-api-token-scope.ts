// API tokens get an organisation scope and an optional expiry. Tokens made before this keep reaching every
// organisation (a null scope), as they did; new ones must say which, or "all" explicitly (domain rule).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite adds a single column per ALTER TABLE.
  await db.schema
    .alterTable('api_tokens')
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
    .execute();
  await db.schema.alterTable('api_tokens').addColumn('expires_at', 'bigint').execute();
}
