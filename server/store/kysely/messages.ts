// Messages: durable, idempotent on the author's client id, numbered by a gap-free per-conversation sequence.
import type { Kysely } from 'kysely';
import type { AuthorKind } from '../../../shared/model';
import type { AppendedMessage, NewMessage, StoredMessage } from '../../domain/records';
import type { ConversationsTable, Database } from '../schema';
import type { DialectTraits } from './dialect';
import { advanceReadMark } from './read-state';
import { storedText, toConversation, toMessage } from './rows';
import type { Selectable } from 'kysely';

export function messageQueries(db: Kysely<Database>, traits: DialectTraits) {
  const findMessageByClientId = async (authorKind: NewMessage['authorKind'], authorId: string, clientId: string): Promise<StoredMessage | null> => {
    const row = await db
      .selectFrom('messages')
      .selectAll()
      .where('author_kind', '=', authorKind)
      .where('author_id', '=', authorId)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return row ? toMessage(row) : null;
  };

  /** The portable way: bump, insert and mark read in one transaction (three statements). */
  const appendInTransaction = (msg: NewMessage): Promise<Selectable<ConversationsTable>> =>
    db.transaction().execute(async (trx) => {
      // Bumping last_seq locks the conversation row, so numbers are handed out one at a time;
      // a failed insert rolls the bump back, so the sequence never has gaps.
      const conv = await trx
        .updateTable('conversations')
        .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
        .where('id', '=', msg.conversationId)
        .returningAll()
        .executeTakeFirst();
      if (!conv) throw new Error(`conversation ${msg.conversationId} does not exist`);
      const next = Number(conv.last_seq);
      await trx
        .insertInto('messages')
        .values({
          id: msg.id,
          conversation_id: msg.conversationId,
          seq: next,
          client_id: msg.clientId,
          author_kind: msg.authorKind,
          author_id: msg.authorId,
          author_name: msg.authorName,
          ...storedText(msg),
          created_at: msg.createdAt,
        })
        .execute();
      // The author has read everything up to their own message; same commit, so no extra fsync.
      if (msg.authorId && msg.authorKind !== 'system') {
        await advanceReadMark(trx, {
          conversationId: msg.conversationId,
          readerKind: msg.authorKind,
          readerId: msg.authorId,
          seq: next,
          at: msg.createdAt,
        });
      }
      return conv;
    });

  return {
    findMessageByClientId,

    async appendMessage(msg: NewMessage): Promise<AppendedMessage> {
      try {
        // The bumped row is the conversation as this append left it: fan-out needs no second read.
        const row = await (traits.appendMessage ? traits.appendMessage(db, msg) : appendInTransaction(msg));
        const conversation = toConversation(row);
        return { message: { ...msg, notice: msg.notice ?? null, seq: conversation.lastSeq }, created: true, conversation };
      } catch (error) {
        // The same client id raced in twice: the loser answers with the winner's message.
        if (traits.isUniqueViolation(error) && msg.clientId && msg.authorId) {
          const original = await findMessageByClientId(msg.authorKind, msg.authorId, msg.clientId);
          if (original) return { message: original, created: false };
        }
        throw error;
      }
    },

    async listMessagesAfter(conversationId: string, afterSeq: number, limit: number): Promise<StoredMessage[]> {
      const rows = await db
        .selectFrom('messages')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .where('seq', '>', afterSeq)
        .orderBy('seq', 'asc')
        .limit(limit)
        .execute();
      return rows.map(toMessage);
    },

    async lastMessage(conversationId: string, authors?: readonly AuthorKind[]): Promise<StoredMessage | null> {
      let query = db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId);
      if (authors) query = query.where('author_kind', 'in', [...authors]);
      const row = await query.orderBy('seq', 'desc').limit(1).executeTakeFirst();
      return row ? toMessage(row) : null;
    },
  };
}
