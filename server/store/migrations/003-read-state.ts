// Read state: how far each participant of a conversation has read, one row per reader.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('read_marks')
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    // 'visitor' (the conversation's end user) or 'agent'.
    .addColumn('reader_kind', 'text', (c) => c.notNull())
    .addColumn('reader_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('read_marks_pk', ['conversation_id', 'reader_kind', 'reader_id'])
    .execute();
  // The inbox asks for one agent's marks across many conversations.
  await db.schema.createIndex('read_marks_reader').on('read_marks').columns(['reader_kind', 'reader_id']).execute();
}
