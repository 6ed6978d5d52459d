// appendMessage in one statement on PostgreSQL: bump the conversation's sequence, insert the message and move
// the author's read mark in one round trip (the portable version takes five: begin, three statements, commit).
import { sql, type Kysely, type Selectable } from 'kysely';
import type { NewMessage } from '../../domain/records';
import type { ConversationsTable, Database } from '../schema';
import { storedText } from '../kysely/rows';

/**
 * A single statement is its own transaction, so the guarantees are those of the portable version: the UPDATE
 * takes the conversation's row lock (two nodes appending to one chat queue there, and the second re-reads the
 * bumped value), and a failed insert (a repeated client id) rolls the bump back, so no number is lost.
 */
export async function appendMessageInOneStatement(db: Kysely<Database>, msg: NewMessage): Promise<Selectable<ConversationsTable>> {
  const readMark =
    msg.authorId && msg.authorKind !== 'system'
      ? sql`, marked as (
          insert into read_marks (conversation_id, reader_kind, reader_id, seq, updated_at)
          select ${msg.conversationId}, ${msg.authorKind}, ${msg.authorId}, seq, ${msg.createdAt}::bigint from inserted
          on conflict (conversation_id, reader_kind, reader_id)
          do update set seq = excluded.seq, updated_at = excluded.updated_at where read_marks.seq < excluded.seq
        )`
      : sql``;
  const { text, notice } = storedText(msg);
  // The bumped row comes back whole: it is the conversation as this append left it (fan-out reads nothing more).
  const { rows } = await sql<Selectable<ConversationsTable>>`
    with bumped as (
      update conversations set last_seq = last_seq + 1 where id = ${msg.conversationId} returning *
    ), inserted as (
      insert into messages (id, conversation_id, seq, client_id, author_kind, author_id, author_name, text, notice, created_at)
      select ${msg.id}, ${msg.conversationId}, last_seq, ${msg.clientId}, ${msg.authorKind}, ${msg.authorId}, ${msg.authorName}, ${text}, ${notice}, ${msg.createdAt}::bigint
      from bumped
      returning seq
    )${readMark}
    select bumped.* from bumped join inserted on true`.execute(db);
  const row = rows[0];
  if (!row) throw new Error(`conversation ${msg.conversationId} does not exist`);
  return row;
}
