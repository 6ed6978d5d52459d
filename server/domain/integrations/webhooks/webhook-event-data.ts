// Which webhook events a domain event is, and the `data` each carries: ids, the host's user id, texts and
// states a receiver acts on; never secrets, tokens or internal notes.
import type { WebhookEventType } from '../../../../shared/webhook-events';
import { consoleTicketPath } from '../../../../shared/console-links';
import { formatTicketNumber } from '../../../../shared/ticket-model';
import type { DomainEvent } from '../../events';
import type { Conversation } from '../../records';
import type { Ticket, TicketEventRecord } from '../../tickets/ticket-records';

/** A webhook event before it is addressed to endpoints; the end user is looked up only if someone listens. */
export interface WebhookEventDraft {
  organisationId: string;
  type: WebhookEventType;
  data: Record<string, unknown>;
  /** The end user the event concerns, added to data as `endUser` ({ id, externalId, name }). */
  endUserId: string | null;
}

const conversationData = (c: Conversation) => ({
  id: c.id,
  status: c.status,
  assigneeId: c.assigneeId,
  priority: c.routing.priority,
  classroomId: c.context.classroomId ?? null,
  createdAt: new Date(c.createdAt).toISOString(),
  closedAt: c.closedAt === null ? null : new Date(c.closedAt).toISOString(),
});

export const ticketData = (t: Ticket) => ({
  id: t.id,
  number: formatTicketNumber(t.number),
  subject: t.subject,
  status: t.status,
  priority: t.priority,
  level: t.level,
  assigneeId: t.assigneeId,
  channel: t.channel,
  conversationId: t.conversationId,
  createdAt: new Date(t.createdAt).toISOString(),
  updatedAt: new Date(t.updatedAt).toISOString(),
  /** Where the console shows it, relative to the support server's address (the receiver knows that address). */
  consolePath: consoleTicketPath(formatTicketNumber(t.number)),
});

const historyEntry = (e: TicketEventRecord) => ({
  seq: e.seq,
  kind: e.kind,
  actor: { kind: e.actorKind, id: e.actorId, name: e.actorName },
  text: e.public ? e.text : null,
  createdAt: new Date(e.createdAt).toISOString(),
});

function ticketDrafts(ticket: Ticket, events: TicketEventRecord[]): WebhookEventDraft[] {
  const base = { organisationId: ticket.organisationId, endUserId: ticket.endUserId };
  const drafts: WebhookEventDraft[] = [];
  const data = (extra: Record<string, unknown> = {}) => ({ ticket: ticketData(ticket), ...extra });
  if (events.some((e) => e.kind === 'created')) drafts.push({ ...base, type: 'ticket.created', data: data() });
  for (const reply of events.filter((e) => e.kind === 'reply' && e.public)) {
    drafts.push({ ...base, type: 'ticket.replied', data: data({ reply: historyEntry(reply) }) });
  }
  for (const e of events.filter((x) => x.kind === 'sla_warning' || x.kind === 'sla_breach')) {
    const sla = { metric: e.data.metric ?? null, dueAt: e.data.dueAt === undefined ? null : new Date(e.data.dueAt).toISOString() };
    drafts.push({ ...base, type: e.kind === 'sla_warning' ? 'sla.warned' : 'sla.breached', data: data({ sla }) });
  }
  // Everything else a person can see change (status, priority, assignee, level, files, call-backs).
  const updates = events.filter((e) => !['created', 'reply', 'note', 'sla_warning', 'sla_breach'].includes(e.kind));
  if (updates.length > 0 && !drafts.some((d) => d.type === 'ticket.created')) {
    drafts.push({ ...base, type: 'ticket.updated', data: data({ changes: updates.map(historyEntry) }) });
  }
  return drafts;
}

export function webhookDrafts(event: DomainEvent): WebhookEventDraft[] {
  switch (event.type) {
    case 'message.created': {
      const { conversation: c, message: m } = event;
      const message = {
        id: m.id,
        seq: m.seq,
        authorKind: m.authorKind,
        authorName: m.authorName,
        text: m.text,
        createdAt: new Date(m.createdAt).toISOString(),
      };
      return [
        { organisationId: c.organisationId, endUserId: c.endUserId, type: 'message.created', data: { conversation: conversationData(c), message } },
      ];
    }
    case 'conversation.assigned': {
      const { conversation: c, agent } = event;
      const assignee = { id: agent.id, name: agent.name, tier: agent.tier };
      return [
        {
          organisationId: c.organisationId,
          endUserId: c.endUserId,
          type: 'conversation.assigned',
          data: { conversation: conversationData(c), agent: assignee },
        },
      ];
    }
    case 'conversation.closed': {
      const c = event.conversation;
      return [{ organisationId: c.organisationId, endUserId: c.endUserId, type: 'conversation.closed', data: { conversation: conversationData(c) } }];
    }
    case 'ticket.changed':
      return ticketDrafts(event.ticket, event.events);
    default:
      return [];
  }
}
