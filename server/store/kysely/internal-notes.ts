// Internal notes: agents only, idempotent on the author's client id, kept apart from the user's message sequence.
import type { Kysely, Selectable } from 'kysely';
import type { InternalNote } from '../../../shared/routing-model';
import type { Database, InternalNotesTable } from '../schema';
import type { DialectTraits } from './dialect';

export const toNote = (r: Selectable<InternalNotesTable>): InternalNote => ({
  id: r.id,
  conversationId: r.conversation_id,
  clientId: r.client_id,
  author: { id: r.author_id, name: r.author_name },
  text: r.text,
  createdAt: Number(r.created_at),
});

export function internalNoteQueries(db: Kysely<Database>, traits: DialectTraits) {
  const findByClientId = async (authorId: string, clientId: string) => {
    const row = await db
      .selectFrom('internal_notes')
      .selectAll()
      .where('author_id', '=', authorId)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return row ? toNote(row) : null;
  };

  return {
    async addNote(note: InternalNote): Promise<{ note: InternalNote; created: boolean }> {
      const repeat = await findByClientId(note.author.id, note.clientId);
      if (repeat) return { note: repeat, created: false };
      try {
        await db
          .insertInto('internal_notes')
          .values({
            id: note.id,
            conversation_id: note.conversationId,
            client_id: note.clientId,
            author_id: note.author.id,
            author_name: note.author.name,
            text: note.text,
            created_at: note.createdAt,
          })
          .execute();
        return { note, created: true };
      } catch (error) {
        // The same client id raced in twice: answer with the note that won.
        const original = traits.isUniqueViolation(error) ? await findByClientId(note.author.id, note.clientId) : null;
        if (original) return { note: original, created: false };
        throw error;
      }
    },

    async listNotes(conversationId: string): Promise<InternalNote[]> {
      const rows = await db
        .selectFrom('internal_notes')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .orderBy('created_at', 'asc')
        .orderBy('id', 'asc')
        .execute();
      return rows.map(toNote);
    },
  };
}
