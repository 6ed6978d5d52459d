// Turns stored tickets into what each side is shown: console rows and details, the widget's list and ticket.
import {
  formatTicketNumber,
  type AttachmentView,
  type TicketDetail,
  type TicketEvent,
  type TicketSummary,
  type VisitorTicketDetail,
  type VisitorTicketSummary,
} from '../../../shared/ticket-model';
import { customerEntry } from './customer-history';
import type { Store } from '../ports';
import type { Agent, EndUser, Organisation } from '../records';
import { slaView } from '../sla/sla';
import type { AttachmentRecord, Ticket, TicketEventRecord } from './ticket-records';
import type { UploadGrants } from './upload-grants';

/** Looks each agent, user and organisation up once per view, however many tickets mention it. */
class Lookups {
  private readonly agents = new Map<string, Promise<Agent | null>>();
  private readonly users = new Map<string, Promise<EndUser | null>>();
  private readonly orgs = new Map<string, Promise<Organisation | null>>();

  constructor(private readonly store: Store) {}

  agent(id: string | null): Promise<Agent | null> {
    return id ? once(this.agents, id, () => this.store.getAgent(id)) : Promise.resolve(null);
  }
  user(id: string | null): Promise<EndUser | null> {
    return id ? once(this.users, id, () => this.store.getEndUser(id)) : Promise.resolve(null);
  }
  org(id: string): Promise<Organisation | null> {
    return once(this.orgs, id, () => this.store.getOrganisation(id));
  }
}

function once<T>(cache: Map<string, Promise<T>>, id: string, load: () => Promise<T>): Promise<T> {
  let hit = cache.get(id);
  if (!hit) {
    hit = load();
    cache.set(id, hit);
  }
  return hit;
}

export const attachmentView = (a: AttachmentRecord): AttachmentView => ({
  id: a.id,
  name: a.name,
  type: a.type,
  size: a.size,
  uploadedBy: a.uploadedByName,
  createdAt: a.createdAt,
});

const eventView = (r: TicketEventRecord): TicketEvent => ({
  seq: r.seq,
  kind: r.kind,
  actor: { kind: r.actorKind, id: r.actorId, name: r.actorName },
  public: r.public,
  text: r.text,
  data: r.data,
  createdAt: r.createdAt,
});

export class TicketViews {
  constructor(
    private readonly store: Store,
    private readonly grants: UploadGrants,
  ) {}

  async summaries(tickets: Ticket[]): Promise<TicketSummary[]> {
    const lookups = new Lookups(this.store);
    const openCallbacks = countBy((await this.store.listOpenCallbacks()).map((c) => c.ticketId));
    return Promise.all(tickets.map((t) => this.summary(t, lookups, openCallbacks.get(t.id) ?? 0)));
  }

  async summaryOf(ticket: Ticket): Promise<TicketSummary> {
    const [row] = await this.summaries([ticket]);
    return row as TicketSummary;
  }

  async detail(ticket: Ticket): Promise<TicketDetail> {
    const lookups = new Lookups(this.store);
    const [events, attachments, callbacks, linked] = await Promise.all([
      this.store.listTicketEvents(ticket.id),
      this.store.listAttachments(ticket.id),
      this.store.listCallbacks(ticket.id),
      ticket.linkedTicketId ? this.store.getTicket(ticket.linkedTicketId) : null,
    ]);
    const open = callbacks.filter((c) => c.acknowledgedAt === null).length;
    return {
      ...(await this.summary(ticket, lookups, open)),
      description: ticket.description,
      steps: ticket.steps,
      since: ticket.since,
      affected: ticket.affected,
      impact: ticket.impact,
      environment: ticket.environment,
      conversationId: ticket.conversationId,
      transcript: ticket.transcript,
      linkedTicket: linked ? { id: linked.id, number: formatTicketNumber(linked.number) } : null,
      events: events.map(eventView),
      attachments: attachments.map(attachmentView),
      callbacks: callbacks.map((c) => ({
        id: c.id,
        phone: c.phone,
        preferredTime: c.preferredTime,
        createdAt: c.createdAt,
        acknowledgedAt: c.acknowledgedAt,
        acknowledgedBy: c.acknowledgedByName,
      })),
    };
  }

  async forCustomer(ticket: Ticket, lookups = new Lookups(this.store)): Promise<VisitorTicketSummary> {
    const engineer = await lookups.agent(ticket.assigneeId);
    return {
      id: ticket.id,
      number: formatTicketNumber(ticket.number),
      subject: ticket.subject,
      status: ticket.status,
      priority: ticket.priority,
      engineerName: engineer?.name ?? null,
      nextDueAt: ticket.sla.nextDueAt,
      nextDueFor: ticket.sla.nextDueAt === null ? null : ticket.firstResponseAt === null ? 'reply' : 'solution',
      createdAt: ticket.createdAt,
      updatedAt: ticket.updatedAt,
      unread: Math.max(0, ticket.customerSeq - ticket.customerSeenSeq),
    };
  }

  async customerList(tickets: Ticket[]): Promise<VisitorTicketSummary[]> {
    const lookups = new Lookups(this.store);
    return Promise.all(tickets.map((t) => this.forCustomer(t, lookups)));
  }

  /** The customer's view: public replies and plain-words history only, files behind short-lived grants. */
  async customerDetail(ticket: Ticket, org: Organisation, user: EndUser): Promise<VisitorTicketDetail> {
    const [summary, events, attachments, callbacks, linked] = await Promise.all([
      this.forCustomer(ticket),
      this.store.listTicketEvents(ticket.id),
      this.store.listAttachments(ticket.id),
      this.store.listCallbacks(ticket.id),
      ticket.linkedTicketId ? this.store.getTicket(ticket.linkedTicketId) : null,
    ]);
    return {
      ...summary,
      description: ticket.description,
      events: events.map(customerEntry).filter((e) => e !== null),
      attachments: attachments.map((a) => ({
        ...attachmentView(a),
        url: `/api/visitor/attachments/${a.id}?grant=${this.grants.issue(org, user, 'download', a.id).token}`,
      })),
      callbacks: callbacks.map(({ id, phone, preferredTime, createdAt, acknowledgedAt }) => ({
        id,
        phone,
        preferredTime,
        createdAt,
        acknowledgedAt,
      })),
      hotline: org.hotline,
      linkedTicket: linked ? { id: linked.id, number: formatTicketNumber(linked.number) } : null,
    };
  }

  private async summary(ticket: Ticket, lookups: Lookups, openCallbacks: number): Promise<TicketSummary> {
    const [assignee, requester, org] = await Promise.all([
      lookups.agent(ticket.assigneeId),
      lookups.user(ticket.endUserId),
      lookups.org(ticket.organisationId),
    ]);
    return {
      id: ticket.id,
      number: formatTicketNumber(ticket.number),
      subject: ticket.subject,
      status: ticket.status,
      priority: ticket.priority,
      category: ticket.category,
      channel: ticket.channel,
      level: ticket.level,
      assignee: assignee ? { id: assignee.id, name: assignee.name, tier: assignee.tier } : null,
      requester: requester ? { id: requester.id, name: requester.name, role: requester.role } : null,
      organisation: { id: ticket.organisationId, name: org?.name ?? '' },
      createdAt: ticket.createdAt,
      updatedAt: ticket.updatedAt,
      sla: slaView(ticket),
      openCallbacks,
      kind: ticket.kind ?? 'standard',
    };
  }
}

function countBy(ids: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}
