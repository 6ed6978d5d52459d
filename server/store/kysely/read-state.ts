// Read marks: one row per (conversation, reader) holding the furthest seq read; marks only move forward.
import type { Kysely, Transaction } from 'kysely';
import type { ReadMarkInput } from '../../domain/chats/read-state-store';
import type { Reader } from '../../../shared/read-state';
import type { Database } from '../schema';

/**
 * Upserts a mark unless the stored one is already as far: a conditional DO UPDATE, so two racing
 * marks end at the larger one in SQLite and PostgreSQL alike. Also used inside appendMessage.
 */
export async function advanceReadMark(db: Kysely<Database> | Transaction<Database>, mark: ReadMarkInput): Promise<boolean> {
  const result = await db
    .insertInto('read_marks')
    .values({ conversation_id: mark.conversationId, reader_kind: mark.readerKind, reader_id: mark.readerId, seq: mark.seq, updated_at: mark.at })
    .onConflict((oc) =>
      oc
        .columns(['conversation_id', 'reader_kind', 'reader_id'])
        .doUpdateSet((eb) => ({ seq: eb.ref('excluded.seq'), updated_at: eb.ref('excluded.updated_at') }))
        .where('read_marks.seq', '<', (eb) => eb.ref('excluded.seq')),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function readStateQueries(db: Kysely<Database>) {
  return {
    async markRead(mark: ReadMarkInput): Promise<{ seq: number; moved: boolean }> {
      const moved = await advanceReadMark(db, mark);
      const row = await db
        .selectFrom('read_marks')
        .select('seq')
        .where('conversation_id', '=', mark.conversationId)
        .where('reader_kind', '=', mark.readerKind)
        .where('reader_id', '=', mark.readerId)
        .executeTakeFirst();
      return { seq: Number(row?.seq ?? 0), moved };
    },

    async readPositions(conversationId: string): Promise<{ visitor: number; agent: number }> {
      const rows = await db
        .selectFrom('read_marks')
        .select(['reader_kind', (eb) => eb.fn.max('seq').as('seq')])
        .where('conversation_id', '=', conversationId)
        .groupBy('reader_kind')
        .execute();
      const of = (kind: Reader) => Number(rows.find((r) => r.reader_kind === kind)?.seq ?? 0);
      return { visitor: of('visitor'), agent: of('agent') };
    },

    async readMarksOf(readerKind: Reader, readerId: string, conversationIds: readonly string[]): Promise<Map<string, number>> {
      if (conversationIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('read_marks')
        .select(['conversation_id', 'seq'])
        .where('reader_kind', '=', readerKind)
        .where('reader_id', '=', readerId)
        .where('conversation_id', 'in', [...conversationIds])
        .execute();
      return new Map(rows.map((r) => [r.conversation_id, Number(r.seq)]));
    },
  };
}
