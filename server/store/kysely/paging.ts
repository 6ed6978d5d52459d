// On-call paging queries: the rota and team chats per organisation, and pages claimed by a conditional update
// on their due time and step, so one node runs each step however many look at once.
import type { Kysely, Selectable } from 'kysely';
import type { ChatFormat, OncallTier, PageReason, PageStatus, PageStepView } from '../../../shared/paging';
import type { OncallShiftRecord, PageRecord, PagingChannelRecord, PagingStore } from '../../domain/integrations/paging/paging-store';
import type { Database } from '../schema';
import type { OncallShiftsTable, PagesTable, PagingChannelsTable } from '../paging-schema';

const toShift = (r: Selectable<OncallShiftsTable>): OncallShiftRecord => ({
  id: r.id,
  organisationId: r.organisation_id,
  tier: r.tier as OncallTier,
  agentId: r.agent_id,
  startsAt: Number(r.starts_at),
  endsAt: Number(r.ends_at),
  consoleOrigin: r.console_origin,
  createdBy: r.created_by,
  createdAt: Number(r.created_at),
});

const toChannel = (r: Selectable<PagingChannelsTable>): PagingChannelRecord => ({
  id: r.id,
  organisationId: r.organisation_id,
  url: r.url,
  format: r.format as ChatFormat,
  createdAt: Number(r.created_at),
});

const nullableNumber = (value: number | string | null): number | null => (value === null ? null : Number(value));

const toPage = (r: Selectable<PagesTable>): PageRecord => ({
  id: r.id,
  organisationId: r.organisation_id,
  ticketId: r.ticket_id,
  reason: r.reason as PageReason,
  causeKey: r.cause_key,
  firstTier: r.first_tier as OncallTier,
  tier: r.tier as OncallTier | null,
  agentId: r.agent_id,
  step: Number(r.step),
  status: r.status as PageStatus,
  dueAt: nullableNumber(r.due_at),
  ackToken: r.ack_token,
  acknowledgedAt: nullableNumber(r.acknowledged_at),
  acknowledgedBy: r.acknowledged_by,
  log: JSON.parse(r.log) as PageStepView[],
  createdAt: Number(r.created_at),
});

export function pagingQueries(db: Kysely<Database>): PagingStore {
  return {
    async getOncallTimeZone(organisationId) {
      const row = await db.selectFrom('oncall_settings').select('time_zone').where('organisation_id', '=', organisationId).executeTakeFirst();
      return row?.time_zone ?? null;
    },

    async setOncallTimeZone(organisationId, timeZone, now) {
      await db
        .insertInto('oncall_settings')
        .values({ organisation_id: organisationId, time_zone: timeZone, updated_at: now })
        .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ time_zone: timeZone, updated_at: now }))
        .execute();
    },

    async addShift(s) {
      await db
        .insertInto('oncall_shifts')
        .values({
          id: s.id,
          organisation_id: s.organisationId,
          tier: s.tier,
          agent_id: s.agentId,
          starts_at: s.startsAt,
          ends_at: s.endsAt,
          console_origin: s.consoleOrigin,
          created_by: s.createdBy,
          created_at: s.createdAt,
        })
        .execute();
    },

    async listShifts(organisationId, from) {
      const rows = await db
        .selectFrom('oncall_shifts')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('ends_at', '>', from)
        .orderBy('starts_at')
        .orderBy('id')
        .execute();
      return rows.map(toShift);
    },

    async countShifts(organisationId) {
      const row = await db
        .selectFrom('oncall_shifts')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('organisation_id', '=', organisationId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async deleteShift(organisationId, id) {
      const result = await db.deleteFrom('oncall_shifts').where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    async shiftsAt(organisationId, tier, at) {
      const rows = await db
        .selectFrom('oncall_shifts')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('tier', '=', tier)
        .where('starts_at', '<=', at)
        .where('ends_at', '>', at)
        .orderBy('starts_at', 'desc')
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map(toShift);
    },

    async addPagingChannel(c) {
      await db
        .insertInto('paging_channels')
        .values({ id: c.id, organisation_id: c.organisationId, url: c.url, format: c.format, created_at: c.createdAt })
        .execute();
    },

    async listPagingChannels(organisationId) {
      const rows = await db
        .selectFrom('paging_channels')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toChannel);
    },

    async deletePagingChannel(organisationId, id) {
      const result = await db.deleteFrom('paging_channels').where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    async addPage(p) {
      const result = await db
        .insertInto('pages')
        .values({
          id: p.id,
          organisation_id: p.organisationId,
          ticket_id: p.ticketId,
          reason: p.reason,
          cause_key: p.causeKey,
          first_tier: p.firstTier,
          tier: p.tier,
          agent_id: p.agentId,
          step: p.step,
          status: p.status,
          due_at: p.dueAt,
          ack_token: p.ackToken,
          acknowledged_at: p.acknowledgedAt,
          acknowledged_by: p.acknowledgedBy,
          log: JSON.stringify(p.log),
          created_at: p.createdAt,
        })
        .onConflict((oc) => oc.column('cause_key').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    async getPage(id) {
      const row = await db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toPage(row) : null;
    },

    async findPageByToken(token) {
      const row = await db.selectFrom('pages').selectAll().where('ack_token', '=', token).executeTakeFirst();
      return row ? toPage(row) : null;
    },

    async listPages({ organisationId, ticketId, status, limit }) {
      let query = db.selectFrom('pages').selectAll();
      if (organisationId) query = query.where('organisation_id', '=', organisationId);
      if (ticketId) query = query.where('ticket_id', '=', ticketId);
      if (status) query = query.where('status', '=', status);
      const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
      return rows.map(toPage);
    },

    async listDuePages(now, limit) {
      const rows = await db
        .selectFrom('pages')
        .selectAll()
        .where('status', '=', 'paging')
        .where('due_at', 'is not', null)
        .where('due_at', '<=', now)
        .orderBy('due_at')
        .limit(limit)
        .execute();
      return rows.map(toPage);
    },

    async claimPage(id, dueAt, step, leaseUntil) {
      const result = await db
        .updateTable('pages')
        .set({ due_at: leaseUntil })
        .where('id', '=', id)
        .where('status', '=', 'paging')
        .where('due_at', '=', dueAt)
        .where('step', '=', step)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async recordPageStep(id, s) {
      await db
        .updateTable('pages')
        .set({ step: s.step, tier: s.tier, agent_id: s.agentId, log: JSON.stringify(s.log), due_at: s.dueAt, status: s.status })
        .where('id', '=', id)
        // An acknowledgement that came while the step ran stands.
        .where('status', '=', 'paging')
        .execute();
    },

    async acknowledgePage(id, agentId, at) {
      const result = await db
        .updateTable('pages')
        .set({ status: 'acknowledged', acknowledged_at: at, acknowledged_by: agentId, due_at: null })
        .where('id', '=', id)
        .where('status', 'in', ['paging', 'unanswered'])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
