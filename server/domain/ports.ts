// The ports the domain depends on: the Store (implemented in server/store/*), a clock and an id source.
import type { QueuedChat } from '../../shared/chat-queue';
import type {
  Agent,
  AgentLoad,
  AgentSessionRecord,
  AppendedMessage,
  Conversation,
  EndUser,
  NewMessage,
  Organisation,
  Presence,
  StoredMessage,
} from './records';
import type { AuthorKind, ConversationContext } from '../../shared/model';
import type { AccountStore } from './identity/account-store';
import type { ArticleStore } from './articles/article-store';
import type { SuggestedEditStore } from './articles/suggested-edit-store';
import type { ReadStateStore } from './chats/read-state-store';
import type { TicketStore } from './tickets/ticket-store';
import type { PlanStore } from './plans/plan-store';
import type { ReportStore } from './plans/report-store';
import type { PrivacyStore } from './privacy/privacy-store';
import type { MonitoringStore } from './monitoring/monitoring-store';
import type { IncidentStore } from './monitoring/incident-store';
import type { WebhookStore } from './integrations/webhooks/webhook-store';
import type { SatisfactionStore } from './satisfaction/satisfaction-store';
import type { DeskStore } from './desk/desk-store';
import type { PagingStore } from './integrations/paging/paging-store';
import type { EmailStore } from './integrations/email/email-store';
import type { TicketLoadStore } from './integrations/assignment/ticket-owner';
import type { AdminStore, CannedReplyStore, ChatMoveStore, InternalNoteStore, RoutingStore } from './routing/routing-ports';

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export type NewConversation = Omit<Conversation, 'status' | 'assigneeId' | 'lastSeq' | 'assignedAt' | 'closedAt'>;

export interface Store
  extends ArticleStore,
    SuggestedEditStore,
    ReadStateStore,
    TicketStore,
    RoutingStore,
    ChatMoveStore,
    InternalNoteStore,
    CannedReplyStore,
    AdminStore,
    PrivacyStore,
    AccountStore,
    PlanStore,
    MonitoringStore,
    IncidentStore,
    WebhookStore,
    ReportStore,
    EmailStore,
    TicketLoadStore,
    SatisfactionStore,
    DeskStore,
    PagingStore {
  /** Bring the schema up to date; safe to call on every start. */
  migrate(): Promise<void>;
  /** Finish in-flight writes and release the database. */
  close(): Promise<void>;
  /** Resolves once every write committed so far is on disk (at once where commits are durable as they return). */
  durable(): Promise<void>;

  createOrganisation(org: Organisation): Promise<Organisation>;
  getOrganisation(id: string): Promise<Organisation | null>;
  findOrganisationByAppKey(appKey: string): Promise<Organisation | null>;
  setAllowedOrigins(id: string, origins: string[]): Promise<void>;

  createEndUser(user: EndUser): Promise<EndUser>;
  getEndUser(id: string): Promise<EndUser | null>;
  /**
   * Creates several end users in one statement (one commit). One whose (organisation, external id) exists — or
   * comes earlier in the same batch — is skipped, not an error for the others. Answers the ids created.
   */
  createEndUsers(users: readonly EndUser[]): Promise<string[]>;
  findEndUserByExternalId(organisationId: string, externalId: string): Promise<EndUser | null>;
  findEndUsersByExternalIds(organisationId: string, externalIds: readonly string[]): Promise<EndUser[]>;
  findEndUserByTokenHash(organisationId: string, tokenHash: string): Promise<EndUser | null>;
  updateEndUserProfile(id: string, profile: Pick<EndUser, 'name' | 'role' | 'classroomId'>): Promise<void>;

  createAgent(agent: Agent): Promise<Agent>;
  getAgent(id: string): Promise<Agent | null>;
  findAgentByEmail(email: string): Promise<Agent | null>;
  countAgents(): Promise<number>;
  setAgentPresence(id: string, presence: Presence): Promise<void>;
  /**
   * At start of a node nobody is connected yet: every agent not offline counts as dropped at `now`, so the
   * grace period runs and consoles that reconnect in time keep their presence and chats.
   */
  startGraceForEveryone(now: number): Promise<void>;
  /** Active, available agents with their current load (not those whose console dropped and may come back). */
  listAvailableAgents(): Promise<AgentLoad[]>;

  createSession(session: AgentSessionRecord): Promise<void>;
  findSession(tokenHash: string, now: number): Promise<AgentSessionRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;

  /** Creates the conversation, or returns the one this end user already started with the same client id. */
  createConversation(conv: NewConversation): Promise<{ conversation: Conversation; created: boolean }>;
  getConversation(id: string): Promise<Conversation | null>;
  findOpenConversation(endUserId: string): Promise<Conversation | null>;
  /** Queued conversations, longest waiting first. */
  listQueued(): Promise<Conversation[]>;
  /** Just what orders the queue, for every queued conversation: a fraction of listQueued's cost, read often. */
  listQueueOrder(): Promise<QueuedChat[]>;
  listAssigned(agentId: string): Promise<Conversation[]>;
  /**
   * Atomically assigns a queued conversation to an agent who is available, active, connected and below
   * capacity (`anyPresence`: whatever the agent's presence, for a chat picked by hand). A chat reserved for
   * one agent goes to no other. Returns false (and changes nothing) if the chat is no longer queued or the
   * agent cannot take it.
   */
  claimConversation(conversationId: string, agentId: string, now: number, options?: { anyPresence?: boolean }): Promise<boolean>;
  /** Closes an open conversation; returns false if it was already closed. */
  closeConversation(conversationId: string, now: number): Promise<boolean>;
  updateConversationContext(conversationId: string, context: ConversationContext): Promise<void>;

  /**
   * Appends a message with the next gap-free sequence number, durably. Idempotent on
   * (author kind, author id, client id): a repeat returns the stored message and created=false.
   */
  appendMessage(msg: NewMessage): Promise<AppendedMessage>;
  findMessageByClientId(authorKind: NewMessage['authorKind'], authorId: string, clientId: string): Promise<StoredMessage | null>;
  /** Messages with seq > afterSeq, oldest first. */
  listMessagesAfter(conversationId: string, afterSeq: number, limit: number): Promise<StoredMessage[]>;
  /** The newest message; with `authors`, the newest by one of those kinds (previews skip system notes). */
  lastMessage(conversationId: string, authors?: readonly AuthorKind[]): Promise<StoredMessage | null>;
}
