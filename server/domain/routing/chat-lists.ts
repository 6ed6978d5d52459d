// What the console lists: its inbox (queued, mine, watching), every open chat for supervisors, a chat's journal
// of moves and notes, the user's earlier chats, and the colleagues with their presence and load.
import type { Inbox } from '../../../shared/protocol';
import type { AgentStatus, ConversationJournal, PastChat } from '../../../shared/routing-model';
import type { ConversationSummary } from '../../../shared/model';
import type { ChatAccess } from '../chats/chat-access';
import { PEOPLE, previewOf, type ConversationViews } from '../chats/conversation-views';
import type { Store } from '../ports';
import type { Agent, Conversation } from '../records';
import { requireRole } from '../roles';
import { agentStatusView } from './supervisor-overview';

/** How many earlier chats of the user the context panel lists. */
const PAST_CHATS = 10;

export class ChatLists {
  constructor(private readonly deps: { store: Store; views: ConversationViews; access: ChatAccess }) {}

  async inbox(agent: Agent): Promise<Inbox> {
    const { store } = this.deps;
    const [queued, mine, watching] = await Promise.all([store.listQueued(), store.listAssigned(agent.id), store.listHandedOver(agent.id)]);
    return { queued: await this.summaries(queued), mine: await this.summaries(mine), watching: await this.summaries(watching) };
  }

  /** Every open chat, for supervisors and admins. */
  async allOpen(agent: Agent): Promise<ConversationSummary[]> {
    requireRole(agent, 'supervisor', 'admin');
    return this.summaries(await this.deps.store.listOpenConversations());
  }

  /** The chats whose news a console of this agent follows: those it holds, and those it handed over. */
  async held(agentId: string): Promise<string[]> {
    return (await this.deps.store.listAssigned(agentId)).map((c) => c.id);
  }

  async handedOver(agentId: string): Promise<string[]> {
    return (await this.deps.store.listHandedOver(agentId)).map((c) => c.id);
  }

  /** A chat's changes of hands and internal notes, to agents who may read it. */
  async journal(agent: Agent, conversationId: string): Promise<ConversationJournal> {
    const { store, access } = this.deps;
    await access.readable(agent, conversationId);
    const [moves, notes] = await Promise.all([store.listMoves(conversationId), store.listNotes(conversationId)]);
    return { moves, notes };
  }

  /** The user's earlier chats, newest first, each named by its agent and previewed (each agent read once). */
  async previous(agent: Agent, conversationId: string): Promise<PastChat[]> {
    const { store, access } = this.deps;
    const conversation = await access.readable(agent, conversationId);
    const past = await store.listPastConversations(conversation.endUserId, conversation.id, PAST_CHATS);
    const assigneeIds = [...new Set(past.map((c) => c.assigneeId).filter((id): id is string => !!id))];
    const names = new Map(await Promise.all(assigneeIds.map(async (id) => [id, (await store.getAgent(id))?.name ?? null] as const)));
    return Promise.all(
      past.map(async (c) => ({
        id: c.id,
        status: c.status,
        createdAt: c.createdAt,
        closedAt: c.closedAt,
        assigneeName: c.assigneeId ? (names.get(c.assigneeId) ?? null) : null,
        priority: c.routing.priority,
        preview: previewOf(await store.lastMessage(c.id, PEOPLE)),
      })),
    );
  }

  /** Every active colleague with presence and load (transfer pickers). */
  async colleagues(): Promise<AgentStatus[]> {
    return (await this.deps.store.listAgentStatuses()).map(agentStatusView);
  }

  private summaries(list: Conversation[]): Promise<ConversationSummary[]> {
    return Promise.all(list.map((c) => this.deps.views.summary(c)));
  }
}
