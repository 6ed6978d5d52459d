// Opening tickets: by an agent from a chat, by an API client, by the user in the widget, and as a follow-up.
import { AFFECTED, IMPACT_LABELS, priorityFromImpact, SINCE } from '../../../shared/ticket-intake';
import type { CreateTicketInput, VisitorCreateTicketInput } from '../../../shared/ticket-schemas';
import type { TicketChannel, TicketPriority, TranscriptLine } from '../../../shared/ticket-model';
import type { ConversationContext } from '../../../shared/model';
import type { ChatAccess } from '../chats/chat-access';
import { buildContext } from '../chats/conversation-context';
import { DomainError } from '../errors';
import type { Clock, Store } from '../ports';
import type { Agent, Conversation, EndUser, Organisation } from '../records';
import { newSlaRecord, type SlaPolicies } from '../sla/sla-policies';
import { actorRef, reaches, SYSTEM_ACTOR, type StaffActor } from './ticket-actors';
import { leastLoadedOwner } from '../integrations/assignment/ticket-owner';
import type { TicketChat } from './ticket-chat';
import type { EventDraft, TicketAlertDraft } from './ticket-events';
import type { NewTicket, Ticket } from './ticket-records';
import type { TicketWriter } from './ticket-writes';
import { raisedForLaunch, type LaunchWindowBook } from '../desk/launch-windows';

export interface TicketCreationDeps {
  store: Store;
  clock: Clock;
  newId: () => string;
  writer: TicketWriter;
  policies: SlaPolicies;
  chat: TicketChat;
  access: ChatAccess;
  /** Launch windows in effect: a launching organisation's new tickets are one priority more urgent. */
  launches?: LaunchWindowBook;
}

interface Draft {
  organisationId: string;
  endUserId: string | null;
  conversationId: string | null;
  linkedTicketId?: string | null;
  subject: string;
  priority: TicketPriority;
  category?: string | null;
  description: string;
  steps?: string | null;
  since?: string | null;
  affected?: string | null;
  impact?: string | null;
  channel: TicketChannel;
  environment: ConversationContext | null;
  transcript: TranscriptLine[];
  assignee: Agent | null;
  clientKey: string | null;
  /** Given an owner by the widget-ticket rule (history says the system assigned it). */
  autoAssigned?: boolean;
}

/** The first line of what the user wrote, as a subject when they gave none. */
export function subjectFrom(text: string, max = 80): string {
  const line = text.trim().split('\n')[0]!.trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

export const clientKeyOf = (kind: string, id: string | null, clientId: string | undefined): string | null =>
  clientId ? `${kind}:${id ?? '-'}:${clientId}` : null;

export class TicketCreation {
  constructor(private readonly deps: TicketCreationDeps) {}

  /** An agent (usually from a chat) or an API client opens a ticket. */
  async byStaff(actor: StaffActor, input: CreateTicketInput): Promise<Ticket> {
    const { store, chat } = this.deps;
    const by = actorRef(actor);
    const clientKey = clientKeyOf(by.kind, by.id, input.clientId);
    const repeat = clientKey ? await store.findTicketByClientKey(clientKey) : null;
    if (repeat) return repeat;

    const conversation = input.conversationId ? await this.chatFor(actor, input.conversationId) : null;
    const organisationId = conversation?.organisationId ?? (input.organisationId as string);
    // A token scoped to another organisation finds nothing here, exactly as if it did not exist.
    if (!reaches(actor, organisationId) || !(await store.getOrganisation(organisationId))) throw new DomainError('not_found', 'No such organisation');
    const endUserId = conversation?.endUserId ?? input.endUserId ?? null;
    if (!conversation && endUserId) {
      const user = await store.getEndUser(endUserId);
      if (user?.organisationId !== organisationId) throw new DomainError('not_found', 'No such user in this organisation');
    }
    const assignee = input.assigneeId ? await this.activeAgent(input.assigneeId) : actor.kind === 'agent' ? actor.agent : null;
    const transcript = conversation ? await chat.transcript(conversation.id) : [];
    const firstWords = transcript.find((line) => line.authorKind === 'visitor')?.text ?? '';

    const ticket = await this.open(
      {
        organisationId,
        endUserId,
        conversationId: conversation?.id ?? null,
        subject: input.subject,
        priority: input.priority,
        category: input.category || null,
        description: input.description || firstWords,
        channel: conversation ? 'chat' : actor.kind === 'api' ? 'api' : 'console',
        environment: conversation?.context ?? null,
        transcript,
        assignee,
        clientKey,
      },
      by,
    );
    if (ticket.created && conversation) await chat.linkTicket(conversation, ticket.ticket, false);
    return ticket.ticket;
  }

  /** The user's guided form, or the message they left when nobody was available. */
  async byCustomer(org: Organisation, user: EndUser, input: VisitorCreateTicketInput): Promise<Ticket> {
    const { store, chat } = this.deps;
    const clientKey = clientKeyOf('customer', user.id, input.clientId);
    const repeat = clientKey ? await store.findTicketByClientKey(clientKey) : null;
    if (repeat) return repeat;

    const conversation = input.conversationId ? await store.getConversation(input.conversationId) : null;
    // Someone else's chat looks exactly like one that does not exist.
    if (input.conversationId && conversation?.endUserId !== user.id) throw new DomainError('not_found', 'No such conversation');
    const ticket = await this.open(
      {
        organisationId: org.id,
        endUserId: user.id,
        conversationId: conversation?.id ?? null,
        subject: input.subject || subjectFrom(input.description),
        priority: priorityFromImpact(input.impact, input.affected),
        category: input.category || null,
        description: input.description,
        steps: input.steps || null,
        since: input.since ? SINCE[input.since] : null,
        affected: input.affected ? AFFECTED[input.affected] : null,
        impact: IMPACT_LABELS[input.impact],
        channel: input.leaveMessage ? 'message' : 'widget',
        environment: buildContext(org, user, input.context),
        transcript: conversation ? await chat.transcript(conversation.id) : [],
        assignee: await this.owner(),
        autoAssigned: true,
        clientKey,
      },
      { kind: 'customer', id: user.id, name: user.name },
    );
    if (ticket.created && conversation) await chat.linkTicket(conversation, ticket.ticket, true);
    // The address typed in the form is where replies the user has not read are emailed (as a token's claim).
    if (input.email && (await store.getEndUserEmail(user.id)) !== input.email)
      await store.setEndUserEmail(user.id, input.email, this.deps.clock.now());
    return ticket.ticket;
  }

  /** A reply to a closed ticket starts a new one with the same subject and priority that links back. */
  async followUp(user: EndUser, previous: Ticket, clientKey: string, text: string): Promise<{ ticket: Ticket; created: boolean }> {
    return this.open(
      {
        organisationId: previous.organisationId,
        endUserId: user.id,
        conversationId: null,
        linkedTicketId: previous.id,
        subject: previous.subject,
        priority: previous.priority,
        category: previous.category,
        description: text,
        channel: 'follow_up',
        environment: previous.environment,
        transcript: [],
        assignee: await this.owner(),
        autoAssigned: true,
        clientKey,
      },
      { kind: 'customer', id: user.id, name: user.name },
    );
  }

  /** A ticket copies the whole chat: an agent needs the same read access as for opening it, a token the scope. */
  private async chatFor(actor: StaffActor, conversationId: string): Promise<Conversation> {
    if (actor.kind === 'agent') return this.deps.access.readable(actor.agent, conversationId);
    const conversation = await this.deps.store.getConversation(conversationId);
    if (!conversation || !reaches(actor, conversation.organisationId)) throw new DomainError('not_found', 'No such conversation');
    return conversation;
  }

  /** A ticket from the widget gets an owner at once: the least-loaded agent of its first tier, connected or not. */
  private async owner(): Promise<Agent | null> {
    const { store } = this.deps;
    return leastLoadedOwner(await store.listAgents(), await store.openTicketLoads(), 'L1');
  }

  private async activeAgent(id: string): Promise<Agent> {
    const agent = await this.deps.store.getAgent(id);
    if (!agent?.active) throw new DomainError('not_found', 'No such agent');
    return agent;
  }

  private async open(draft: Draft, by: EventDraft['actor']): Promise<{ ticket: Ticket; created: boolean }> {
    const { clock, newId, writer, policies } = this.deps;
    const now = clock.now();
    const terms = await policies.forOrganisation(draft.organisationId);
    const priority = (await this.deps.launches?.activeNow(draft.organisationId)) ? raisedForLaunch(draft.priority) : draft.priority;
    const ticket: NewTicket = {
      id: newId(),
      organisationId: draft.organisationId,
      endUserId: draft.endUserId,
      conversationId: draft.conversationId,
      linkedTicketId: draft.linkedTicketId ?? null,
      subject: draft.subject,
      category: draft.category ?? null,
      description: draft.description,
      steps: draft.steps ?? null,
      since: draft.since ?? null,
      affected: draft.affected ?? null,
      impact: draft.impact ?? null,
      priority,
      status: 'new',
      level: draft.assignee?.tier ?? 'L1',
      assigneeId: draft.assignee?.id ?? null,
      channel: draft.channel,
      environment: draft.environment,
      transcript: draft.transcript,
      createdAt: now,
      updatedAt: now,
      firstResponseAt: null,
      resolvedAt: null,
      closedAt: null,
      autoCloseAt: null,
      sla: newSlaRecord(terms, priority),
      eventSeq: 0,
      customerSeq: 0,
      customerSeenSeq: 0,
      version: 0,
      clientKey: draft.clientKey,
    };
    const events: EventDraft[] = [{ kind: 'created', actor: by, public: true, data: { channel: draft.channel, to: priority } }];
    const alerts: TicketAlertDraft[] = [];
    if (draft.assignee) {
      // Given by the rule, not by the customer who opened it.
      const giver = draft.autoAssigned ? SYSTEM_ACTOR : by;
      // The customer sees the owner on the ticket; their own new ticket is not an unread update from support.
      events.push({ kind: 'assigned', actor: giver, public: !draft.autoAssigned, data: { assigneeName: draft.assignee.name } });
      if (draft.assignee.id !== by.id)
        alerts.push({ kind: 'assigned', notice: { code: 'alert_assigned', priority, created: true }, recipients: [draft.assignee.id] });
    }
    return writer.create(ticket, events, alerts);
  }
}
