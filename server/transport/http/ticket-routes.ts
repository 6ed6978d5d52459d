// The ticket REST API for the console and API clients: list and filter, read, create, update, comment, files, call-backs.
import express, { Router, type Request } from 'express';
import * as v from 'valibot';
import { TICKET_LIMITS } from '../../../shared/ticket-limits';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from '../../../shared/ticket-model';
import { CommentSchema, CreateTicketSchema, ListTicketsQuerySchema, UpdateTicketSchema, type ListTicketsQuery } from '../../../shared/ticket-schemas';
import { DomainError } from '../../domain/errors';
import type { SupportServices } from '../../domain/services';
import { reaches, type StaffActor } from '../../domain/tickets/ticket-actors';
import type { TicketFilter } from '../../domain/tickets/ticket-records';
import { ACTIVE_STATUSES } from '../../domain/tickets/ticket-workflow';
import { attachmentView } from '../../domain/tickets/ticket-views';
import { incomingFile, receiving, sendAttachment } from './file-transfer';
import { parse, staffActor } from './request-auth';

/** Ticket texts may be 8,000 characters of Chinese: 24 KB of UTF-8, above the general 16 KB limit. */
const BODY_LIMIT = '64kb';
const IdSchema = v.pipe(v.string(), v.uuid('must be a UUID'));

const list = <T extends string>(raw: string | undefined, allowed: readonly T[], what: string): T[] | undefined => {
  if (!raw) return undefined;
  const items = raw.split(',').map((s) => s.trim());
  const wrong = items.find((item) => !allowed.includes(item as T));
  if (wrong !== undefined) throw new DomainError('bad_request', `${what}: "${wrong}" is not one of ${allowed.join(', ')}`);
  return items as T[];
};
const flag = (raw: string | undefined) => raw === '1' || raw === 'true';

function filterOf(query: ListTicketsQuery, actor: StaffActor): TicketFilter {
  const filter: TicketFilter = { limit: Math.min(Number(query.limit ?? TICKET_LIMITS.listPage), TICKET_LIMITS.listPage) || TICKET_LIMITS.listPage };
  filter.statuses = query.status === 'all' ? undefined : (list<TicketStatus>(query.status, TICKET_STATUSES, 'status') ?? [...ACTIVE_STATUSES]);
  filter.priorities = list<TicketPriority>(query.priority, TICKET_PRIORITIES, 'priority');
  if (query.assignee === 'me') {
    if (actor.kind !== 'agent') throw new DomainError('bad_request', 'assignee=me needs a signed-in agent; name the agent id');
    filter.assigneeId = actor.agent.id;
  } else if (query.assignee === 'unassigned') {
    filter.assigneeId = null;
  } else if (query.assignee) {
    filter.assigneeId = parse(IdSchema, query.assignee);
  }
  if (flag(query.atRisk) && flag(query.breached)) throw new DomainError('bad_request', 'Ask for atRisk or breached, not both');
  if (flag(query.breached)) filter.slaState = 'breached';
  else if (flag(query.atRisk)) filter.slaState = 'at_risk';
  return filter;
}

/** One bucket per agent, and one per API token. */
const actorKey = (actor: StaffActor): string => (actor.kind === 'agent' ? actor.agent.id : `api:${actor.token.id}`);

export function ticketRoutes(services: SupportServices): Router {
  const { tickets, creation, views, attachments } = services.tickets;
  const router = Router();
  const actor = (req: Request) => staffActor(services, req);
  const ref = (req: Request): string => String(req.params.ref);
  const json = express.json({ limit: BODY_LIMIT });

  router.get('/', async (req, res) => {
    const who = await actor(req);
    const found = await tickets.listFor(who, filterOf(parse(ListTicketsQuerySchema, req.query), who));
    res.json({ ok: true, data: await views.summaries(found) });
  });

  router.post('/', json, async (req, res) => {
    const who = await actor(req);
    await services.floods.take('agent.ticket', { actor: actorKey(who) });
    const ticket = await creation.byStaff(who, parse(CreateTicketSchema, req.body));
    res.status(201).json({ ok: true, data: await views.detail(ticket) });
  });

  /** Who a ticket can be assigned to (the console's picker). */
  router.get('/assignees', async (req, res) => {
    await actor(req);
    const agents = await services.agents.active();
    res.json({ ok: true, data: agents.map((a) => ({ id: a.id, name: a.name, tier: a.tier, role: a.role })) });
  });

  /** Call-back requests nobody has taken yet, over all tickets: the console's alarm after a (re)load. */
  router.get('/callbacks/open', async (req, res) => {
    const who = await actor(req);
    const all = await tickets.openCallbacks();
    const byTicket = all.filter(({ ticket }) => reaches(who, ticket.organisationId));
    const summaries = await views.summaries(byTicket.map((b) => b.ticket));
    res.json({
      ok: true,
      data: byTicket.map(({ callback }, i) => ({
        id: callback.id,
        phone: callback.phone,
        preferredTime: callback.preferredTime,
        createdAt: callback.createdAt,
        ticket: summaries[i],
      })),
    });
  });

  router.get('/:ref', async (req, res) => {
    res.json({ ok: true, data: await views.detail(await tickets.getFor(await actor(req), ref(req))) });
  });

  router.patch('/:ref', json, async (req, res) => {
    const who = await actor(req);
    const ticket = await tickets.update(who, ref(req), parse(UpdateTicketSchema, req.body));
    res.json({ ok: true, data: await views.detail(ticket) });
  });

  router.get('/:ref/events', async (req, res) => {
    res.json({ ok: true, data: (await views.detail(await tickets.getFor(await actor(req), ref(req)))).events });
  });

  router.post('/:ref/comments', json, async (req, res) => {
    const who = await actor(req);
    const { ticket, event } = await tickets.comment(who, ref(req), parse(CommentSchema, req.body));
    const detail = await views.detail(ticket);
    res.status(201).json({ ok: true, data: detail.events.find((e) => e.seq === event.seq) });
  });

  router.get('/:ref/attachments', async (req, res) => {
    res.json({ ok: true, data: (await views.detail(await tickets.getFor(await actor(req), ref(req)))).attachments });
  });

  router.post('/:ref/attachments', async (req, res) => {
    const record = await receiving(req, res, async () => {
      const who = await actor(req);
      await services.floods.take('agent.upload', { actor: actorKey(who) });
      return attachments.add(who, await tickets.getFor(who, ref(req)), incomingFile(req));
    });
    res.status(201).json({ ok: true, data: attachmentView(record) });
  });

  router.get('/:ref/attachments/:id', async (req, res) => {
    const { record, body } = await attachments.open(await tickets.getFor(await actor(req), ref(req)), parse(IdSchema, req.params.id));
    await sendAttachment(res, record, body);
  });

  router.post('/:ref/callbacks/:id/acknowledge', async (req, res) => {
    const who = await actor(req);
    const ticket = await tickets.acknowledgeCallback(who, ref(req), parse(IdSchema, req.params.id));
    res.json({ ok: true, data: await views.detail(ticket) });
  });

  return router;
}
