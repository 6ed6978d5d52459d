// Tickets: numbered in the creating transaction, written conditionally on their version, found by their next due point.
import { sql, type Kysely, type Transaction } from 'kysely';
import type {
  ApiTokenRecord,
  NewTicket,
  StoredSlaPolicy,
  Ticket,
  TicketEventRecord,
  TicketFilter,
  TicketWrite,
} from '../../domain/tickets/ticket-records';
import type { TicketStore } from '../../domain/tickets/ticket-store';
import type { Database } from '../schema';
import type { DialectTraits } from './dialect';
import { toAgent } from './rows';
import {
  attachmentRow,
  ticketColumns,
  ticketEventRow,
  toApiToken,
  toAttachment,
  toCallback,
  toSlaPolicy,
  toTicket,
  toTicketEvent,
} from './ticket-rows';

/** Thrown inside a transaction to roll it back when a condition no longer holds. */
class LostRace extends Error {}
/** Thrown inside a creation when the dialect found the client key taken before using up a number. */
class ClientKeyTaken extends Error {}

/** Raise-only: a stale writer never lowers what the customer has seen. */
const seenAtLeast = (seq: number) => sql<number>`case when customer_seen_seq > ${seq} then customer_seen_seq else ${seq} end`;

const POLICY_SAVE_ATTEMPTS = 5;

export function ticketQueries(db: Kysely<Database>, traits: DialectTraits): TicketStore {
  const getTicket = async (id: string): Promise<Ticket | null> => {
    const row = await db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toTicket(row) : null;
  };
  const findTicketByClientKey = async (clientKey: string): Promise<Ticket | null> => {
    const row = await db.selectFrom('tickets').selectAll().where('client_key', '=', clientKey).executeTakeFirst();
    return row ? toTicket(row) : null;
  };
  const insertEvents = async (trx: Transaction<Database>, events: TicketEventRecord[]) => {
    if (events.length) await trx.insertInto('ticket_events').values(events.map(ticketEventRow)).execute();
  };
  const getSlaPolicy = async (version: number): Promise<StoredSlaPolicy | null> => {
    const row = await db.selectFrom('sla_policies').selectAll().where('version', '=', version).executeTakeFirst();
    return row ? toSlaPolicy(row) : null;
  };

  return {
    getTicket,
    findTicketByClientKey,
    getSlaPolicy,

    async createTicket(ticket: NewTicket, events: TicketEventRecord[]): Promise<{ ticket: Ticket; created: boolean }> {
      try {
        const number = await db.transaction().execute(async (trx) => {
          // A failed insert rolls the transaction back, so a number is never reused (see DialectTraits).
          const next = await traits.nextTicketNumber(trx, ticket.clientKey);
          if (next === null) throw new ClientKeyTaken();
          await trx
            .insertInto('tickets')
            .values({ id: ticket.id, number: next, ...ticketColumns(ticket) })
            .execute();
          await insertEvents(trx, events);
          return next;
        });
        return { ticket: { ...ticket, number }, created: true };
      } catch (error) {
        // The same request raced in twice: the loser answers with the winner's ticket.
        if (ticket.clientKey && (error instanceof ClientKeyTaken || traits.isUniqueViolation(error))) {
          const original = await findTicketByClientKey(ticket.clientKey);
          if (original) return { ticket: original, created: false };
        }
        throw error;
      }
    },

    async getTicketByNumber(number: number): Promise<Ticket | null> {
      const row = await db.selectFrom('tickets').selectAll().where('number', '=', number).executeTakeFirst();
      return row ? toTicket(row) : null;
    },

    async listTickets(filter: TicketFilter): Promise<Ticket[]> {
      let query = db.selectFrom('tickets').selectAll();
      if (filter.statuses?.length) query = query.where('status', 'in', filter.statuses);
      if (filter.priorities?.length) query = query.where('priority', 'in', filter.priorities);
      if (filter.assigneeId === null) query = query.where('assignee_id', 'is', null);
      else if (filter.assigneeId !== undefined) query = query.where('assignee_id', '=', filter.assigneeId);
      if (filter.slaState) query = query.where('sla_state', '=', filter.slaState);
      if (filter.organisationId) query = query.where('organisation_id', '=', filter.organisationId);
      const rows = await query
        .orderBy(sql`case when sla_next_due_at is null then 1 else 0 end`)
        .orderBy('sla_next_due_at', 'asc')
        .orderBy('updated_at', 'desc')
        .orderBy('number', 'desc')
        .limit(filter.limit)
        .execute();
      return rows.map(toTicket);
    },

    async listTicketsOfEndUser(endUserId: string, limit: number): Promise<Ticket[]> {
      const rows = await db
        .selectFrom('tickets')
        .selectAll()
        .where('end_user_id', '=', endUserId)
        .orderBy('updated_at', 'desc')
        .orderBy('number', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toTicket);
    },

    async saveTicket(ticket: Ticket, write: TicketWrite): Promise<boolean> {
      try {
        return await db.transaction().execute(async (trx) => {
          const { customer_seen_seq: seen, ...columns } = ticketColumns(ticket);
          const updated = await trx
            .updateTable('tickets')
            .set({ ...columns, customer_seen_seq: seenAtLeast(seen), version: ticket.version + 1 })
            .where('id', '=', ticket.id)
            .where('version', '=', ticket.version)
            .executeTakeFirst();
          if (Number(updated.numUpdatedRows) !== 1) return false;
          await insertEvents(trx, write.events);
          if (write.attachment) await trx.insertInto('ticket_attachments').values(attachmentRow(write.attachment)).execute();
          if (write.callback) {
            const c = write.callback;
            await trx
              .insertInto('ticket_callbacks')
              .values({ id: c.id, ticket_id: c.ticketId, phone: c.phone, preferred_time: c.preferredTime, created_at: c.createdAt })
              .execute();
          }
          if (write.acknowledgeCallback) {
            const ack = write.acknowledgeCallback;
            const claimed = await trx
              .updateTable('ticket_callbacks')
              .set({ acknowledged_at: ack.at, acknowledged_by: ack.agentId, acknowledged_by_name: ack.agentName })
              .where('id', '=', ack.id)
              .where('acknowledged_at', 'is', null)
              .executeTakeFirst();
            if (Number(claimed.numUpdatedRows) !== 1) throw new LostRace();
          }
          return true;
        });
      } catch (error) {
        if (error instanceof LostRace) return false;
        throw error;
      }
    },

    async listTicketEvents(ticketId: string): Promise<TicketEventRecord[]> {
      const rows = await db.selectFrom('ticket_events').selectAll().where('ticket_id', '=', ticketId).orderBy('seq', 'asc').execute();
      return rows.map(toTicketEvent);
    },

    async findTicketEventByClientKey(ticketId: string, clientKey: string): Promise<TicketEventRecord | null> {
      const row = await db
        .selectFrom('ticket_events')
        .selectAll()
        .where('ticket_id', '=', ticketId)
        .where('client_key', '=', clientKey)
        .executeTakeFirst();
      return row ? toTicketEvent(row) : null;
    },

    async markTicketSeen(ticketId: string, customerSeq: number): Promise<void> {
      await db
        .updateTable('tickets')
        .set({ customer_seen_seq: seenAtLeast(customerSeq) })
        .where('id', '=', ticketId)
        .execute();
    },

    async countUnseenTicketUpdates(endUserId: string): Promise<number> {
      const row = await db
        .selectFrom('tickets')
        .select((eb) => eb.fn.sum<number | string | null>(eb('customer_seq', '-', eb.ref('customer_seen_seq'))).as('unseen'))
        .where('end_user_id', '=', endUserId)
        .executeTakeFirst();
      return Number(row?.unseen ?? 0);
    },

    async listTicketsDue(now: number, limit: number): Promise<Ticket[]> {
      const rows = await db
        .selectFrom('tickets')
        .selectAll()
        .where('sla_next_timer_at', '<=', now)
        .orderBy('sla_next_timer_at', 'asc')
        .limit(limit)
        .execute();
      return rows.map(toTicket);
    },

    async nextTicketDueAt(): Promise<number | null> {
      const row = await db
        .selectFrom('tickets')
        .select((eb) => eb.fn.min('sla_next_timer_at').as('next'))
        .executeTakeFirst();
      return row?.next === null || row?.next === undefined ? null : Number(row.next);
    },

    async getAttachment(id) {
      const row = await db.selectFrom('ticket_attachments').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toAttachment(row) : null;
    },

    async findAttachmentByUploadKey(ticketId, uploadKey) {
      const row = await db
        .selectFrom('ticket_attachments')
        .selectAll()
        .where('ticket_id', '=', ticketId)
        .where('upload_key', '=', uploadKey)
        .executeTakeFirst();
      return row ? toAttachment(row) : null;
    },

    async listAttachments(ticketId) {
      const rows = await db.selectFrom('ticket_attachments').selectAll().where('ticket_id', '=', ticketId).orderBy('created_at', 'asc').execute();
      return rows.map(toAttachment);
    },

    async listCallbacks(ticketId) {
      const rows = await db.selectFrom('ticket_callbacks').selectAll().where('ticket_id', '=', ticketId).orderBy('created_at', 'asc').execute();
      return rows.map(toCallback);
    },

    async listOpenCallbacks() {
      const rows = await db.selectFrom('ticket_callbacks').selectAll().where('acknowledged_at', 'is', null).orderBy('created_at', 'asc').execute();
      return rows.map(toCallback);
    },

    async latestSlaPolicy() {
      const row = await db.selectFrom('sla_policies').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
      return row ? toSlaPolicy(row) : null;
    },

    async saveSlaPolicy(policy: Omit<StoredSlaPolicy, 'version'>): Promise<StoredSlaPolicy> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction().execute(async (trx) => {
            const latest = await trx
              .selectFrom('sla_policies')
              .select((eb) => eb.fn.max('version').as('v'))
              .executeTakeFirst();
            const version = Number(latest?.v ?? 0) + 1;
            await trx
              .insertInto('sla_policies')
              .values({
                version,
                targets: JSON.stringify(policy.targets),
                warn_percent: policy.warnAtPercent,
                created_at: policy.createdAt,
                created_by: policy.createdBy,
              })
              .execute();
            return { ...policy, version };
          });
        } catch (error) {
          // Two admins saved at once: the second takes the next version.
          if (!traits.isUniqueViolation(error) || attempt >= POLICY_SAVE_ATTEMPTS) throw error;
        }
      }
    },

    async createApiToken(token: ApiTokenRecord): Promise<void> {
      await db
        .insertInto('api_tokens')
        .values({
          id: token.id,
          name: token.name,
          token_hash: token.tokenHash,
          created_by: token.createdBy,
          created_at: token.createdAt,
          last_used_at: token.lastUsedAt,
          revoked_at: token.revokedAt,
          organisation_id: token.organisationId,
          expires_at: token.expiresAt,
        })
        .execute();
    },

    async findApiTokenByHash(tokenHash: string) {
      const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row ? toApiToken(row) : null;
    },

    async listApiTokens() {
      const rows = await db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').execute();
      return rows.map(toApiToken);
    },

    async revokeApiToken(id: string, now: number): Promise<boolean> {
      const result = await db
        .updateTable('api_tokens')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async touchApiToken(id: string, now: number): Promise<void> {
      await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
    },

    async listActiveAgents() {
      const rows = await db.selectFrom('agents').selectAll().where('active', '=', 1).orderBy('created_at', 'asc').execute();
      return rows.map(toAgent);
    },

    async countOpenTicketsByAssignee(agentIds: string[]): Promise<Map<string, number>> {
      const counts = new Map<string, number>();
      if (agentIds.length === 0) return counts;
      const rows = await db
        .selectFrom('tickets')
        .select((eb) => ['assignee_id', eb.fn.countAll().as('n')])
        .where('assignee_id', 'in', agentIds)
        .where('status', 'not in', ['resolved', 'closed'])
        .groupBy('assignee_id')
        .execute();
      for (const row of rows) if (row.assignee_id) counts.set(row.assignee_id, Number(row.n));
      return counts;
    },
  };
}
