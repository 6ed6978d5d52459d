// Reports: a period's tickets and chats (with handovers and whether a ticket came of them) and article deflections.
import type { Kysely } from 'kysely';
import type { ReportScope, ReportStore } from '../../domain/plans/report-store';
import type { Database } from '../schema';
import { toTicket } from './ticket-rows';

export function reportQueries(db: Kysely<Database>): ReportStore {
  return {
    async listTicketsCreatedBetween({ from, to, organisationId }: ReportScope) {
      let query = db.selectFrom('tickets').selectAll().where('created_at', '>=', from).where('created_at', '<', to);
      if (organisationId) query = query.where('organisation_id', '=', organisationId);
      return (await query.orderBy('created_at', 'asc').execute()).map(toTicket);
    },

    async listChatsStartedBetween({ from, to, organisationId }: ReportScope) {
      let query = db
        .selectFrom('conversations as c')
        .select((eb) => [
          'c.id',
          'c.organisation_id',
          'c.context',
          'c.created_at',
          'c.closed_at',
          eb
            .selectFrom('chat_moves as m')
            .select((m) => m.fn.countAll<number | string>().as('n'))
            .whereRef('m.conversation_id', '=', 'c.id')
            .where('m.kind', 'in', ['transferred', 'escalated'])
            .as('handovers'),
          eb
            .selectFrom('tickets as t')
            .select((t) => t.fn.countAll<number | string>().as('n'))
            .whereRef('t.conversation_id', '=', 'c.id')
            .as('tickets'),
        ])
        .where('c.created_at', '>=', from)
        .where('c.created_at', '<', to);
      if (organisationId) query = query.where('c.organisation_id', '=', organisationId);
      const rows = await query.execute();
      return rows.map((r) => ({
        id: r.id,
        organisationId: r.organisation_id,
        classroomId: (JSON.parse(r.context) as { classroomId?: string }).classroomId ?? null,
        createdAt: Number(r.created_at),
        closedAt: r.closed_at === null ? null : Number(r.closed_at),
        handovers: Number(r.handovers ?? 0),
        ticketed: Number(r.tickets ?? 0) > 0,
      }));
    },

    async listTicketsBreachedBetween(organisationId: string, from: number, to: number) {
      const rows = await db
        .selectFrom('tickets')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where((eb) =>
          eb.or([
            eb.and([eb('sla_fr_breached_at', '>=', from), eb('sla_fr_breached_at', '<', to)]),
            eb.and([eb('sla_res_breached_at', '>=', from), eb('sla_res_breached_at', '<', to)]),
          ]),
        )
        .orderBy('number', 'asc')
        .execute();
      return rows.map(toTicket);
    },

    async countDeflections({ from, to, organisationId }: ReportScope) {
      let query = db
        .selectFrom('article_feedback')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('outcome', '=', 'deflected')
        .where('created_at', '>=', from)
        .where('created_at', '<', to);
      if (organisationId) query = query.where('organisation_id', '=', organisationId);
      return Number((await query.executeTakeFirst())?.n ?? 0);
    },
  };
}
