// Incidents: when a classroom's incident rule fires, one P1 ticket of kind 'incident' is opened for it (a claim
// in the store makes it one across the nodes), linking the affected users, their open chats and whatever
// they open meanwhile. Agents post updates every affected user sees, are told when quality recovers (the
// console proposes to resolve) and resolve it. The ticket's history records each step with the classroom's
// figures; incident.opened / incident.resolved webhooks are written in the same transactions.
import { formatTicketNumber } from '../../../shared/ticket-model';
import type { IncidentNotice, IncidentStep, IncidentStepData, IncidentUpdate, IncidentView } from '../../../shared/incidents';
import type { IncidentUpdateInput } from '../../../shared/incident-schemas';
import { DomainError } from '../errors';
import type { DomainEvent, DomainEvents } from '../events';
import type { WebhookOutbox } from '../integrations/webhooks/webhook-outbox';
import type { Clock, Store } from '../ports';
import type { Agent } from '../records';
import { withSlaPoints } from '../sla/sla';
import { newSlaRecord, type SlaPolicies } from '../sla/sla-policies';
import { SYSTEM_ACTOR, type ActorRef } from '../tickets/ticket-actors';
import type { EventDraft } from '../tickets/ticket-events';
import type { NewTicket, Ticket, TicketEventRecord } from '../tickets/ticket-records';
import type { TicketWriter } from '../tickets/ticket-writes';
import type { IncidentLink, IncidentRecord } from './incident-store';
import type { QualityChange, QualityMonitor } from './quality-monitor';
import type { ClassroomHealth } from '../../../shared/quality';

export interface IncidentDeps {
  store: Store;
  clock: Clock;
  newId: () => string;
  events: DomainEvents;
  writer: TicketWriter;
  policies: SlaPolicies;
  outbox: WebhookOutbox;
  monitor: QualityMonitor;
}

/** Resolved incidents stay in the console's list this long. */
const RESOLVED_SHOWN_MS = 24 * 60 * 60_000;
const LISTED = 50;
/** How long a node trusts its answer to "is any incident open?" (another node may have opened one). */
const ANY_OPEN_CACHE_MS = 5_000;

export class Incidents {
  constructor(private readonly deps: IncidentDeps) {}

  /** What the monitor decided, on every node: each node acts, the store lets one of them change anything. */
  async onQualityChange(change: QualityChange): Promise<void> {
    if (change.type === 'incident.due') await this.open(change.classroom, change.affected);
    else if (change.type === 'incident.recovered') await this.recovered(change.classroom);
    else if (change.type === 'user.degraded' && change.classroomId) {
      const incident = await this.deps.store.getOpenIncident(change.user.organisationId, change.classroomId);
      if (incident) await this.link(incident, [{ kind: 'end_user', id: change.user.id }, ...(await this.openChats([change.user.id]))]);
    }
  }

  /** Chats and tickets an affected user opens while the incident is open are linked to it. */
  async onDomainEvent(event: DomainEvent): Promise<void> {
    if (event.type === 'conversation.queued') {
      const incident = await this.deps.store.findOpenIncidentOfUser(event.conversation.endUserId);
      if (incident) await this.link(incident, [{ kind: 'conversation', id: event.conversation.id }]);
    } else if (
      event.type === 'ticket.changed' &&
      event.ticket.kind !== 'incident' &&
      event.ticket.endUserId &&
      event.events.some((e) => e.kind === 'created')
    ) {
      const incident = await this.deps.store.findOpenIncidentOfUser(event.ticket.endUserId);
      if (incident) await this.link(incident, [{ kind: 'ticket', id: event.ticket.id }]);
    }
  }

  /** Opens the classroom's incident, or finds the one another node opened. */
  async open(classroom: ClassroomHealth, affected: string[]): Promise<IncidentRecord> {
    const { store, clock, newId, outbox, policies } = this.deps;
    const now = clock.now();
    const org = await store.getOrganisation(classroom.organisationId);
    if (!org) throw new DomainError('not_found', 'No such organisation');
    const links: IncidentLink[] = [...affected.map((id) => ({ kind: 'end_user' as const, id })), ...(await this.openChats(affected))];
    const manager = org.accountManagerId ? await store.getAgent(org.accountManagerId) : null;
    const owner = manager?.active ? manager : null;
    const ticketId = newId();
    const draft: NewTicket = {
      id: ticketId,
      kind: 'incident',
      organisationId: org.id,
      endUserId: null,
      conversationId: null,
      linkedTicketId: null,
      // People's words only: the console shows "Incident" from the kind, in the reader's language.
      subject: classroom.classroomId,
      category: null,
      description: '',
      steps: null,
      since: null,
      affected: null,
      impact: null,
      priority: 'P1',
      status: 'new',
      level: owner?.tier ?? 'L1',
      assigneeId: owner?.id ?? null,
      channel: 'console',
      environment: null,
      transcript: [],
      createdAt: now,
      updatedAt: now,
      firstResponseAt: null,
      resolvedAt: null,
      closedAt: null,
      autoCloseAt: null,
      sla: newSlaRecord(await policies.forOrganisation(org.id), 'P1'),
      eventSeq: 0,
      customerSeq: 0,
      customerSeenSeq: 0,
      version: 0,
      clientKey: null,
    };
    const drafts: EventDraft[] = [this.step('opened', classroom, SYSTEM_ACTOR, { linked: links })];
    if (owner) drafts.push({ kind: 'assigned', actor: SYSTEM_ACTOR, public: false, data: { assigneeName: owner.name } });
    const records = this.records(ticketId, 0, drafts, now);
    const ticket = { ...withSlaPoints({ ...draft, number: 0, eventSeq: records.length }) };
    const { number: _n, ...unnumbered } = ticket;
    const webhooks = await outbox.prepare(org.id, 'incident.opened');
    let sent = 0;
    const deliveries = (number: number) => {
      const rows = webhooks({
        incident: { ticketId, number: formatTicketNumber(number), classroomId: classroom.classroomId, openedAt: now, affectedUsers: affected.length },
        quality: { reportingUsers: classroom.reportingUsers, degradedUsers: classroom.degradedUsers, lastMinute: classroom.lastMinute },
      });
      sent = rows.length;
      return rows;
    };
    const opened = await store.openIncident({ classroomId: classroom.classroomId, ticket: unnumbered, events: records, links, deliveries });
    if (!opened.created) {
      // It broke again before anyone resolved it: no longer proposed for resolving.
      if (opened.incident.recoveredAt !== null && (await store.setIncidentRecovered(opened.incident.ticketId, null))) {
        await this.addStep(opened.incident, 'opened', this.classroom(opened.incident));
      }
      return opened.incident;
    }
    if (sent) outbox.stored();
    this.deps.events.emit({ type: 'ticket.changed', ticket: opened.ticket, events: records });
    await this.announce(opened.incident, affected);
    return opened.incident;
  }

  /** An agent's update: recorded in the history and shown to every affected user. */
  async postUpdate(agent: Agent, ticketId: string, input: IncidentUpdateInput): Promise<IncidentView> {
    const incident = await this.openOne(ticketId);
    const by: ActorRef = { kind: 'agent', id: agent.id, name: agent.name };
    const clientKey = input.clientId ? `incident:${agent.id}:${input.clientId}` : null;
    if (clientKey && (await this.deps.store.findTicketEventByClientKey(ticketId, clientKey))) return this.view(incident);
    const update: IncidentUpdate = { text: input.text, authorName: agent.name, at: this.deps.clock.now() };
    await this.deps.writer.mutate(ticketId, (ticket) => ({
      ticket,
      events: [{ ...this.step('update', this.classroom(incident), by), text: input.text, clientKey }],
    }));
    await this.deps.store.setIncidentUpdate(ticketId, update);
    return this.announce({ ...incident, lastUpdate: update }, null);
  }

  /** Resolves it (the ticket too): the affected users are told, incident.resolved goes out. */
  async resolve(agent: Agent, ticketId: string): Promise<IncidentView> {
    const { store, clock, outbox } = this.deps;
    const incident = await store.getIncident(ticketId);
    if (!incident) throw new DomainError('not_found', 'No such incident');
    if (incident.resolvedAt !== null) return this.view(incident);
    const now = clock.now();
    const ticket = (await store.getTicket(ticketId)) as Ticket;
    const deliveries = (await outbox.prepare(incident.organisationId, 'incident.resolved'))({
      incident: {
        ticketId,
        number: formatTicketNumber(ticket.number),
        classroomId: incident.classroomId,
        openedAt: incident.openedAt,
        resolvedAt: now,
      },
      resolvedBy: { id: agent.id, name: agent.name },
    });
    if (!(await store.resolveIncident(ticketId, now, deliveries))) return this.view((await store.getIncident(ticketId)) as IncidentRecord);
    if (deliveries.length) outbox.stored();
    const by: ActorRef = { kind: 'agent', id: agent.id, name: agent.name };
    await this.deps.writer.mutate(ticketId, (current, at) => {
      const events: EventDraft[] = [this.step('resolved', this.classroom(incident), by)];
      if (current.status === 'resolved' || current.status === 'closed') return { ticket: current, events };
      events.push({ kind: 'status', actor: by, public: false, data: { from: current.status, to: 'resolved' } });
      return { ticket: { ...current, status: 'resolved', resolvedAt: at }, events };
    });
    return this.announce({ ...incident, resolvedAt: now }, null);
  }

  async list(): Promise<IncidentView[]> {
    const records = await this.deps.store.listIncidents(this.deps.clock.now() - RESOLVED_SHOWN_MS, LISTED);
    return Promise.all(records.map((r) => this.view(r)));
  }

  async get(ticketId: string): Promise<IncidentView> {
    const incident = await this.deps.store.getIncident(ticketId);
    if (!incident) throw new DomainError('not_found', 'No such incident');
    return this.view(incident);
  }

  /** What a user's widget shows when it connects: their open incident, if any. */
  async noticeFor(endUserId: string): Promise<IncidentNotice | null> {
    // Connections come by the thousand and incidents are rare: one look per few seconds decides whether to ask.
    if (!(await this.anyOpen())) return null;
    const incident = await this.deps.store.findOpenIncidentOfUser(endUserId);
    return incident ? this.notice(incident) : null;
  }

  private anyOpenCache: { at: number; open: Promise<boolean> } | null = null;

  private anyOpen(): Promise<boolean> {
    const now = this.deps.clock.now();
    if (!this.anyOpenCache || now - this.anyOpenCache.at >= ANY_OPEN_CACHE_MS || now < this.anyOpenCache.at) {
      const open = this.deps.store.listIncidents(Number.MAX_SAFE_INTEGER, 1).then((list) => list.length > 0);
      open.catch(() => (this.anyOpenCache = null));
      this.anyOpenCache = { at: now, open };
    }
    return this.anyOpenCache.open;
  }

  private async recovered(classroom: ClassroomHealth): Promise<void> {
    const incident = await this.deps.store.getOpenIncident(classroom.organisationId, classroom.classroomId);
    if (!incident || !(await this.deps.store.setIncidentRecovered(incident.ticketId, this.deps.clock.now()))) return;
    await this.addStep(incident, 'recovered', classroom);
    await this.announce({ ...incident, recoveredAt: this.deps.clock.now() }, []);
  }

  private async link(incident: IncidentRecord, links: IncidentLink[]): Promise<void> {
    const added = await this.deps.store.linkToIncident(incident.ticketId, links, this.deps.clock.now());
    if (!added.length) return;
    await this.addStep(incident, 'linked', this.classroom(incident), added);
    await this.announce(
      incident,
      added.filter((l) => l.kind === 'end_user').map((l) => l.id),
    );
  }

  private async addStep(incident: IncidentRecord, step: IncidentStep, classroom: ClassroomHealth | null, linked?: IncidentLink[]): Promise<void> {
    await this.deps.writer.mutate(incident.ticketId, (ticket) => ({
      ticket,
      events: [this.step(step, classroom, SYSTEM_ACTOR, linked ? { linked } : {})],
    }));
  }

  /** Tells the consoles, and the end users in `tell` (null: everyone linked). */
  private async announce(incident: IncidentRecord, tell: string[] | null): Promise<IncidentView> {
    const [view, notice] = await Promise.all([this.view(incident), this.notice(incident)]);
    const users = tell ?? (await this.deps.store.listIncidentLinks(incident.ticketId)).filter((l) => l.kind === 'end_user').map((l) => l.id);
    this.anyOpenCache = null;
    this.deps.events.emit({ type: 'incident.changed', incident: view, notice, tell: users });
    return view;
  }

  private async openOne(ticketId: string): Promise<IncidentRecord> {
    const incident = await this.deps.store.getIncident(ticketId);
    if (!incident) throw new DomainError('not_found', 'No such incident');
    if (incident.resolvedAt !== null) throw new DomainError('conflict', 'This incident is resolved');
    return incident;
  }

  private async openChats(endUserIds: string[]): Promise<IncidentLink[]> {
    const chats = await Promise.all(endUserIds.map((id) => this.deps.store.findOpenConversation(id)));
    return chats.flatMap((c) => (c ? [{ kind: 'conversation' as const, id: c.id }] : []));
  }

  private classroom(incident: IncidentRecord): ClassroomHealth | null {
    return this.deps.monitor.classroom(incident.organisationId, incident.classroomId);
  }

  private step(step: IncidentStep, classroom: ClassroomHealth | null, actor: ActorRef, extra: Partial<IncidentStepData> = {}): EventDraft {
    const data: IncidentStepData = {
      step,
      classroomId: classroom?.classroomId ?? '',
      figures: classroom ? classroom.lastMinute : null,
      reportingUsers: classroom?.reportingUsers ?? 0,
      degradedUsers: classroom?.degradedUsers ?? 0,
      ...extra,
    };
    return { kind: 'incident', actor, public: false, data: { incident: data } };
  }

  private records(ticketId: string, lastSeq: number, drafts: EventDraft[], now: number): TicketEventRecord[] {
    return drafts.map((d, i) => ({
      id: this.deps.newId(),
      ticketId,
      seq: lastSeq + i + 1,
      kind: d.kind,
      actorKind: d.actor.kind,
      actorId: d.actor.id,
      actorName: d.actor.name,
      public: d.public,
      text: d.text ?? null,
      data: d.data ?? {},
      clientKey: d.clientKey ?? null,
      createdAt: now,
    }));
  }

  private async notice(incident: IncidentRecord): Promise<IncidentNotice> {
    const ticket = await this.deps.store.getTicket(incident.ticketId);
    return {
      ticketId: incident.ticketId,
      number: ticket ? formatTicketNumber(ticket.number) : '',
      classroomId: incident.classroomId,
      openedAt: incident.openedAt,
      update: incident.lastUpdate,
      resolved: incident.resolvedAt !== null,
    };
  }

  private async view(incident: IncidentRecord): Promise<IncidentView> {
    const { store } = this.deps;
    const [ticket, org, links] = await Promise.all([
      store.getTicket(incident.ticketId),
      store.getOrganisation(incident.organisationId),
      store.listIncidentLinks(incident.ticketId),
    ]);
    const count = (kind: string) => links.filter((l) => l.kind === kind).length;
    return {
      ticketId: incident.ticketId,
      number: ticket ? formatTicketNumber(ticket.number) : '',
      organisationId: incident.organisationId,
      organisationName: org?.name ?? '',
      classroomId: incident.classroomId,
      openedAt: incident.openedAt,
      recoveredAt: incident.recoveredAt,
      resolvedAt: incident.resolvedAt,
      affectedUsers: count('end_user'),
      linkedChats: count('conversation'),
      linkedTickets: count('ticket'),
      lastUpdate: incident.lastUpdate,
    };
  }
}
