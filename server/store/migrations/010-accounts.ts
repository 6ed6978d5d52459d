// Accounts: sessions agents can see and revoke, one-time invite and reset links, a forced password change and
// optional TOTP two-factor sign-in.
import type { Kysely } from 'kysely';

/** Just the columns the back-fill below touches. */
interface SessionColumns {
  agent_sessions: { token_hash: string; id: string | null; created_at: number; last_used_at: number | null };
}

export async function up(db: Kysely<unknown>): Promise<void> {
  // Sessions get an id of their own (the token hash never leaves the server) and what the owner needs to
  // recognise them: when last used, from which address and browser.
  await db.schema.alterTable('agent_sessions').addColumn('id', 'text').execute();
  await db.schema.alterTable('agent_sessions').addColumn('last_used_at', 'bigint').execute();
  await db.schema.alterTable('agent_sessions').addColumn('address', 'text').execute();
  await db.schema.alterTable('agent_sessions').addColumn('user_agent', 'text').execute();
  // Sessions from before: keep them (nobody is signed out by an upgrade), identified by their hash.
  await (db as unknown as Kysely<SessionColumns>)
    .updateTable('agent_sessions')
    .set((eb) => ({ id: eb.ref('token_hash'), last_used_at: eb.ref('created_at') }))
    .execute();
  await db.schema.createIndex('agent_sessions_id').on('agent_sessions').column('id').unique().execute();
  await db.schema.createIndex('agent_sessions_agent').on('agent_sessions').column('agent_id').execute();

  // 1 while the agent signs in with a password someone else generated (the first admin's, a reset's).
  await db.schema
    .alterTable('agents')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Base32 TOTP secret once confirmed; the one being enrolled until then; the last time step accepted (no replay).
  await db.schema.alterTable('agents').addColumn('totp_secret', 'text').execute();
  await db.schema.alterTable('agents').addColumn('totp_pending_secret', 'text').execute();
  await db.schema.alterTable('agents').addColumn('totp_last_step', 'bigint').execute();

  await db.schema
    .createTable('account_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema.createIndex('account_links_agent').on('account_links').column('agent_id').execute();
}
