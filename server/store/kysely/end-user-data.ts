// One end user's data: found by name or external id, read whole for an export, erased in one transaction.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { EndUserDataStore, EndUserMatch, EndUserRecords, ErasedRecords } from '../../domain/privacy/privacy-store';
import type { TicketEventData } from '../../../shared/ticket-model';
import type { Database, EndUsersTable } from '../schema';
import { toNote } from './internal-notes';
import { toConversation, toEndUser, toMessage } from './rows';
import { toAttachment, toCallback, toTicket, toTicketEvent } from './ticket-rows';

const withErasure = (r: Selectable<EndUsersTable>) => ({ ...toEndUser(r), erasedAt: r.erased_at === null ? null : Number(r.erased_at) });

/** History details that name the person or their files; everything else (statuses, levels, times) stays. */
const PERSONAL_EVENT_DATA: (keyof TicketEventData)[] = ['phone', 'preferredTime', 'fileName', 'attachmentId'];

export function endUserDataQueries(db: Kysely<Database>): EndUserDataStore {
  return {
    async searchEndUsers(query: string, limit: number): Promise<EndUserMatch[]> {
      // '!' escapes LIKE's wildcards the same way in SQLite and PostgreSQL; lower() makes both case-blind.
      const pattern = `%${query.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
      const rows = await db
        .selectFrom('end_users as u')
        .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
        .selectAll('u')
        .select('o.name as organisation_name')
        .select((eb) => [
          eb
            .selectFrom('conversations as c')
            .select((e) => e.fn.countAll<number | string>().as('n'))
            .whereRef('c.end_user_id', '=', 'u.id')
            .as('conversation_count'),
          eb
            .selectFrom('tickets as t')
            .select((e) => e.fn.countAll<number | string>().as('n'))
            .whereRef('t.end_user_id', '=', 'u.id')
            .as('ticket_count'),
        ])
        .where((eb) => eb.or([sql<boolean>`lower(u.name) like ${pattern} escape '!'`, eb('u.external_id', '=', query)]))
        .orderBy('u.created_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        user: withErasure(r),
        organisationName: r.organisation_name,
        conversations: Number(r.conversation_count ?? 0),
        tickets: Number(r.ticket_count ?? 0),
      }));
    },

    async endUserRecords(endUserId: string): Promise<EndUserRecords | null> {
      const row = await db
        .selectFrom('end_users as u')
        .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
        .selectAll('u')
        .select('o.name as organisation_name')
        .where('u.id', '=', endUserId)
        .executeTakeFirst();
      if (!row) return null;
      const conversationRows = await db
        .selectFrom('conversations')
        .selectAll()
        .where('end_user_id', '=', endUserId)
        .orderBy('created_at', 'asc')
        .execute();
      const conversations = await Promise.all(
        conversationRows.map(async (c) => {
          const [messages, notes, mark] = await Promise.all([
            db.selectFrom('messages').selectAll().where('conversation_id', '=', c.id).orderBy('seq', 'asc').execute(),
            db.selectFrom('internal_notes').selectAll().where('conversation_id', '=', c.id).orderBy('created_at', 'asc').execute(),
            db
              .selectFrom('read_marks')
              .select('seq')
              .where('conversation_id', '=', c.id)
              .where('reader_kind', '=', 'visitor')
              .where('reader_id', '=', endUserId)
              .executeTakeFirst(),
          ]);
          return { conversation: toConversation(c), messages: messages.map(toMessage), notes: notes.map(toNote), readUpTo: Number(mark?.seq ?? 0) };
        }),
      );
      const ticketRows = await db.selectFrom('tickets').selectAll().where('end_user_id', '=', endUserId).orderBy('created_at', 'asc').execute();
      const tickets = await Promise.all(
        ticketRows.map(async (t) => {
          const [events, attachments, callbacks] = await Promise.all([
            db.selectFrom('ticket_events').selectAll().where('ticket_id', '=', t.id).orderBy('seq', 'asc').execute(),
            db.selectFrom('ticket_attachments').selectAll().where('ticket_id', '=', t.id).orderBy('created_at', 'asc').execute(),
            db.selectFrom('ticket_callbacks').selectAll().where('ticket_id', '=', t.id).orderBy('created_at', 'asc').execute(),
          ]);
          return {
            ticket: toTicket(t),
            events: events.map(toTicketEvent),
            attachments: attachments.map(toAttachment),
            callbacks: callbacks.map(toCallback),
          };
        }),
      );
      const feedback = await db
        .selectFrom('article_feedback')
        .select(['article_id', 'outcome', 'conversation_id', 'created_at'])
        .where('end_user_id', '=', endUserId)
        .orderBy('created_at', 'asc')
        .execute();
      const searches = await db
        .selectFrom('article_search_misses')
        .select(['query', 'locale', 'created_at'])
        .where('searcher_id', '=', endUserId)
        .orderBy('created_at', 'asc')
        .execute();
      return {
        user: withErasure(row),
        organisationName: row.organisation_name,
        conversations,
        tickets,
        feedback: feedback.map((f) => ({
          articleId: f.article_id,
          outcome: f.outcome,
          conversationId: f.conversation_id,
          createdAt: Number(f.created_at),
        })),
        searches: searches.map((s) => ({ query: s.query, locale: s.locale, createdAt: Number(s.created_at) })),
      };
    },

    async eraseEndUser(endUserId: string, now: number, erasedName: string, erasedText: string): Promise<ErasedRecords> {
      return db.transaction().execute(async (trx) => {
        const conversationRows = await trx.selectFrom('conversations').select(['id', 'context']).where('end_user_id', '=', endUserId).execute();
        const conversationIds = conversationRows.map((c) => c.id);
        let messages = 0;
        if (conversationIds.length) {
          // Every text in their chats goes, the agents' too: replies quote and address the person.
          const blanked = await trx
            .updateTable('messages')
            .set({ text: erasedText })
            .where('conversation_id', 'in', conversationIds)
            .executeTakeFirst();
          messages = Number(blanked.numUpdatedRows);
          await trx
            .updateTable('messages')
            .set({ author_name: erasedName })
            .where('conversation_id', 'in', conversationIds)
            .where('author_kind', '=', 'visitor')
            .execute();
          await trx.updateTable('internal_notes').set({ text: erasedText }).where('conversation_id', 'in', conversationIds).execute();
          await trx.updateTable('chat_moves').set({ note: null }).where('conversation_id', 'in', conversationIds).execute();
          for (const c of conversationRows) {
            // Only the organisation's name stays: classroom, page, browser and network describe the person.
            const { organisation } = JSON.parse(c.context) as { organisation: string };
            await trx
              .updateTable('conversations')
              .set({ context: JSON.stringify({ organisation }) })
              .where('id', '=', c.id)
              .execute();
          }
        }
        await trx.deleteFrom('read_marks').where('reader_kind', '=', 'visitor').where('reader_id', '=', endUserId).execute();

        const ticketIds = (
          await trx
            .selectFrom('tickets')
            .select('id')
            .where((eb) =>
              eb.or([eb('end_user_id', '=', endUserId), ...(conversationIds.length ? [eb('conversation_id', 'in', conversationIds)] : [])]),
            )
            .execute()
        ).map((t) => t.id);
        let storageKeys: string[] = [];
        if (ticketIds.length) {
          await trx
            .updateTable('tickets')
            .set({
              subject: erasedText,
              description: erasedText,
              steps: null,
              since: null,
              affected: null,
              impact: null,
              environment: null,
              transcript: '[]',
            })
            .where('id', 'in', ticketIds)
            .execute();
          await trx
            .updateTable('ticket_events')
            .set({ text: erasedText })
            .where('ticket_id', 'in', ticketIds)
            .where('text', 'is not', null)
            .execute();
          await trx
            .updateTable('ticket_events')
            .set({ actor_name: erasedName })
            .where('ticket_id', 'in', ticketIds)
            .where('actor_kind', '=', 'customer')
            .execute();
          const events = await trx.selectFrom('ticket_events').select(['id', 'data']).where('ticket_id', 'in', ticketIds).execute();
          for (const event of events) {
            const data = JSON.parse(event.data) as TicketEventData;
            if (!PERSONAL_EVENT_DATA.some((key) => key in data)) continue;
            for (const key of PERSONAL_EVENT_DATA) delete data[key];
            await trx
              .updateTable('ticket_events')
              .set({ data: JSON.stringify(data) })
              .where('id', '=', event.id)
              .execute();
          }
          await trx
            .updateTable('ticket_callbacks')
            .set({ phone: erasedText, preferred_time: erasedText })
            .where('ticket_id', 'in', ticketIds)
            .execute();
          storageKeys = (await trx.selectFrom('ticket_attachments').select('storage_key').where('ticket_id', 'in', ticketIds).execute()).map(
            (a) => a.storage_key,
          );
          await trx.deleteFrom('ticket_attachments').where('ticket_id', 'in', ticketIds).execute();
        }
        await trx.deleteFrom('article_search_misses').where('searcher_id', '=', endUserId).execute();
        // Scores stay in the satisfaction figures; the comment is the person's own words.
        await trx.updateTable('satisfaction_ratings').set({ comment: null }).where('end_user_id', '=', endUserId).execute();
        // The row stays (chats and tickets point at it), without anything that identifies the person or signs them in.
        await trx
          .updateTable('end_users')
          .set({ name: erasedName, external_id: null, token_hash: null, role: null, classroom_id: null, erased_at: now })
          .where('id', '=', endUserId)
          .execute();
        return { conversationIds, conversations: conversationIds.length, messages, tickets: ticketIds.length, storageKeys };
      });
    },
  };
}
