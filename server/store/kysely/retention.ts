// Retention: each organisation's setting, and deleting closed chats and tickets older than a cutoff with
// everything that hangs off them, in batches (one transaction each).
import type { Kysely, Transaction } from 'kysely';
import type { OrganisationRetention } from '../../../shared/personal-data';
import type { PurgeResult } from '../../domain/privacy/privacy-store';
import type { Database } from '../schema';

/** Ids of the organisation's chats or tickets that closed before the cutoff, one batch of them. */
async function closedBefore(
  trx: Transaction<Database>,
  table: 'conversations' | 'tickets',
  organisationId: string,
  cutoff: number,
  batch: number,
): Promise<string[]> {
  const rows = await trx
    .selectFrom(table)
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'closed')
    .where('closed_at', '<', cutoff)
    .limit(batch)
    .execute();
  return rows.map((r) => r.id);
}

async function purgeConversations(trx: Transaction<Database>, organisationId: string, cutoff: number, batch: number): Promise<number> {
  const ids = await closedBefore(trx, 'conversations', organisationId, cutoff, batch);
  if (!ids.length) return 0;
  // Tickets keep their own transcript copy, and article answers stay counted: both just lose the link.
  await trx.updateTable('tickets').set({ conversation_id: null }).where('conversation_id', 'in', ids).execute();
  await trx.updateTable('article_feedback').set({ conversation_id: null }).where('conversation_id', 'in', ids).execute();
  for (const table of ['messages', 'read_marks', 'chat_moves', 'previous_assignees', 'internal_notes'] as const) {
    await trx.deleteFrom(table).where('conversation_id', 'in', ids).execute();
  }
  await trx.deleteFrom('conversations').where('id', 'in', ids).execute();
  return ids.length;
}

async function purgeTickets(
  trx: Transaction<Database>,
  organisationId: string,
  cutoff: number,
  batch: number,
): Promise<{ count: number; storageKeys: string[] }> {
  const ids = await closedBefore(trx, 'tickets', organisationId, cutoff, batch);
  if (!ids.length) return { count: 0, storageKeys: [] };
  const storageKeys = (await trx.selectFrom('ticket_attachments').select('storage_key').where('ticket_id', 'in', ids).execute()).map(
    (r) => r.storage_key,
  );
  // A later follow-up ticket that is kept loses its link to the deleted one.
  await trx.updateTable('tickets').set({ linked_ticket_id: null }).where('linked_ticket_id', 'in', ids).execute();
  for (const table of ['ticket_events', 'ticket_attachments', 'ticket_callbacks'] as const) {
    await trx.deleteFrom(table).where('ticket_id', 'in', ids).execute();
  }
  await trx.deleteFrom('tickets').where('id', 'in', ids).execute();
  return { count: ids.length, storageKeys };
}

export function retentionQueries(db: Kysely<Database>) {
  return {
    async listRetention(): Promise<OrganisationRetention[]> {
      const rows = await db.selectFrom('organisations').select(['id', 'name', 'retention_days']).orderBy('name', 'asc').execute();
      return rows.map((r) => ({ organisationId: r.id, name: r.name, days: r.retention_days === null ? null : Number(r.retention_days) }));
    },

    async setRetentionDays(organisationId: string, days: number | null): Promise<boolean> {
      const result = await db.updateTable('organisations').set({ retention_days: days }).where('id', '=', organisationId).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async purgeClosedBefore(organisationId: string, cutoff: number, batch: number): Promise<PurgeResult> {
      return db.transaction().execute(async (trx) => {
        const conversations = await purgeConversations(trx, organisationId, cutoff, batch);
        const tickets = await purgeTickets(trx, organisationId, cutoff, batch);
        return { conversations, tickets: tickets.count, storageKeys: tickets.storageKeys };
      });
    },
  };
}
