// Email: an end user's address (from the identity token's `email` claim), kept beside the user so erasure can
// drop it; and the pending reply notice per ticket or chat (one row each: due time, last email sent).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('end_user_contacts')
    .addColumn('end_user_id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reply_notices')
    // 'ticket:<id>' or 'chat:<id>': one notice (and one 10-minute limit) per ticket or chat.
    .addColumn('target_key', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('end_user_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text')
    .addColumn('ticket_id', 'text')
    // The reply's position: seq of the chat message, or the ticket's customer-visible update count.
    .addColumn('reply_seq', 'integer', (c) => c.notNull())
    .addColumn('reply_text', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('pending', 'integer', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('last_sent_at', 'bigint')
    .execute();
  await db.schema.createIndex('reply_notices_due').on('reply_notices').columns(['pending', 'due_at']).execute();
}
