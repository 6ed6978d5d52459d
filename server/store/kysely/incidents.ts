// Incidents' queries: the claim on a classroom (unique open_key) written before the ticket in one transaction,
// links, updates, recovery and resolving — each state change conditional, so nodes racing change it once.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { IncidentUpdate } from '../../../shared/incidents';
import type { IncidentLink, IncidentRecord, IncidentStore } from '../../domain/monitoring/incident-store';
import type { Database } from '../schema';
import type { IncidentsTable } from '../monitoring-schema';
import type { DialectTraits } from './dialect';
import { ticketColumns, ticketEventRow, toTicket } from './ticket-rows';
import { insertDeliveries } from './webhooks';

/** Thrown inside the opening transaction when the classroom's incident is open already: nothing is written. */
class AlreadyOpen extends Error {}

// The organisation id is a UUID (no "/"), so the key is unambiguous; PostgreSQL text cannot hold a NUL separator.
const openKey = (organisationId: string, classroomId: string) => `${organisationId}/${classroomId}`;
const maybe = (value: number | string | null): number | null => (value === null ? null : Number(value));

const toIncident = (r: Selectable<IncidentsTable>): IncidentRecord => ({
  ticketId: r.ticket_id,
  organisationId: r.organisation_id,
  classroomId: r.classroom_id,
  openedAt: Number(r.opened_at),
  recoveredAt: maybe(r.recovered_at),
  resolvedAt: maybe(r.resolved_at),
  lastUpdate: r.last_update === null ? null : (JSON.parse(r.last_update) as IncidentUpdate),
});

export function incidentQueries(db: Kysely<Database>, traits: DialectTraits): IncidentStore {
  const getOpenIncident = async (organisationId: string, classroomId: string) => {
    const row = await db.selectFrom('incidents').selectAll().where('open_key', '=', openKey(organisationId, classroomId)).executeTakeFirst();
    return row ? toIncident(row) : null;
  };

  return {
    getOpenIncident,

    async openIncident({ classroomId, ticket, events, links, deliveries }) {
      try {
        const number = await db.transaction().execute(async (trx) => {
          const claimed = await trx
            .insertInto('incidents')
            .values({
              ticket_id: ticket.id,
              organisation_id: ticket.organisationId,
              classroom_id: classroomId,
              open_key: openKey(ticket.organisationId, classroomId),
              opened_at: ticket.createdAt,
              last_update: null,
            })
            .onConflict((oc) => oc.column('open_key').doNothing())
            .executeTakeFirst();
          if (Number(claimed.numInsertedOrUpdatedRows ?? 0) !== 1) throw new AlreadyOpen();
          const next = (await traits.nextTicketNumber(trx, null)) as number;
          await trx
            .insertInto('tickets')
            .values({ id: ticket.id, number: next, ...ticketColumns(ticket) })
            .execute();
          if (events.length) await trx.insertInto('ticket_events').values(events.map(ticketEventRow)).execute();
          if (links.length) {
            await trx
              .insertInto('incident_links')
              .values(links.map((l) => ({ ticket_id: ticket.id, target_kind: l.kind, target_id: l.id, at: ticket.createdAt })))
              .execute();
          }
          await insertDeliveries(trx, deliveries(next));
          return next;
        });
        const incident = (await getOpenIncident(ticket.organisationId, classroomId)) as IncidentRecord;
        return { incident, ticket: { ...ticket, number }, created: true };
      } catch (error) {
        if (!(error instanceof AlreadyOpen)) throw error;
        const incident = await getOpenIncident(ticket.organisationId, classroomId);
        const row = incident && (await db.selectFrom('tickets').selectAll().where('id', '=', incident.ticketId).executeTakeFirst());
        // Resolved between the claim and this read: the caller tries again on the next change.
        if (!incident || !row) throw new Error('The classroom’s incident changed while opening; try again');
        return { incident, ticket: toTicket(row), created: false };
      }
    },

    async getIncident(ticketId) {
      const row = await db.selectFrom('incidents').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();
      return row ? toIncident(row) : null;
    },

    async findOpenIncidentOfUser(endUserId) {
      const row = await db
        .selectFrom('incident_links as l')
        .innerJoin('incidents as i', 'i.ticket_id', 'l.ticket_id')
        .selectAll('i')
        .where('l.target_kind', '=', 'end_user')
        .where('l.target_id', '=', endUserId)
        .where('i.resolved_at', 'is', null)
        .orderBy('i.opened_at', 'desc')
        .executeTakeFirst();
      return row ? toIncident(row) : null;
    },

    async listIncidents(resolvedSince, limit) {
      const rows = await db
        .selectFrom('incidents')
        .selectAll()
        .where((eb) => eb.or([eb('resolved_at', 'is', null), eb('resolved_at', '>=', resolvedSince)]))
        .orderBy(sql`case when resolved_at is null then 0 else 1 end`)
        .orderBy('opened_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toIncident);
    },

    async linkToIncident(ticketId, links, at) {
      const added: IncidentLink[] = [];
      // One statement per link: which of them were new is what the caller records in the history.
      for (const link of links) {
        const result = await db
          .insertInto('incident_links')
          .values({ ticket_id: ticketId, target_kind: link.kind, target_id: link.id, at })
          .onConflict((oc) => oc.columns(['ticket_id', 'target_kind', 'target_id']).doNothing())
          .executeTakeFirst();
        if (Number(result.numInsertedOrUpdatedRows ?? 0) === 1) added.push(link);
      }
      return added;
    },

    async listIncidentLinks(ticketId) {
      const rows = await db.selectFrom('incident_links').selectAll().where('ticket_id', '=', ticketId).orderBy('at').execute();
      return rows.map((r) => ({ kind: r.target_kind as IncidentLink['kind'], id: r.target_id, at: Number(r.at) }));
    },

    async setIncidentRecovered(ticketId, at) {
      let query = db.updateTable('incidents').set({ recovered_at: at }).where('ticket_id', '=', ticketId).where('resolved_at', 'is', null);
      query = at === null ? query.where('recovered_at', 'is not', null) : query.where('recovered_at', 'is', null);
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async setIncidentUpdate(ticketId, update) {
      await db
        .updateTable('incidents')
        .set({ last_update: JSON.stringify(update) })
        .where('ticket_id', '=', ticketId)
        .execute();
    },

    async resolveIncident(ticketId, at, deliveries) {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('incidents')
          .set({ resolved_at: at, open_key: null })
          .where('ticket_id', '=', ticketId)
          .where('resolved_at', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return false;
        await insertDeliveries(trx, deliveries);
        return true;
      });
    },
  };
}
