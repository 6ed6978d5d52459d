// The store ports of routing and teamwork: queue moves, grace after a console drops, the hand-over history,
// internal notes, canned replies and administration. server/store/kysely implements them.
import type { ChatAttention, RoutingTarget } from '../../../shared/model';
import type { CannedReply, ChatMove, InternalNote } from '../../../shared/routing-model';
import type { Agent, Conversation, Organisation } from '../records';

/** How a chat goes back to the queue. */
export interface QueueReturn {
  target: RoutingTarget;
  /** Held for one agent (the account manager); null: whoever may take the target. */
  reservedFor: string | null;
  /** The agent who handed it over, so routing does not give it straight back. */
  avoidAgentId: string | null;
  queuedAt: number;
}

/** An agent with its load and connection, for supervisors and transfer pickers. */
export interface AgentStatusRecord {
  agent: Agent;
  activeChats: number;
  /** Set while the console is gone and the grace period runs. */
  disconnectedAt: number | null;
}

export interface RoutingStore {
  /**
   * Atomically moves an active chat from one agent to another who is available, active, connected and
   * below capacity. False (nothing changed) if the chat is no longer `from`'s or `to` cannot take it.
   */
  reassignConversation(conversationId: string, fromAgentId: string, toAgentId: string, now: number): Promise<boolean>;
  /**
   * Puts a chat back in the queue, at the front. With `fromAgentId` only while that agent holds it
   * (status active); with null only while it is still queued (a re-target). False if that no longer holds.
   */
  returnToQueue(conversationId: string, fromAgentId: string | null, change: QueueReturn): Promise<boolean>;
  /** An agent replied: the first response (once) and, if it is the assignee, "answered" for the away rule. */
  recordAgentReply(conversationId: string, agentId: string, at: number): Promise<void>;
  setChatAttention(conversationId: string, attention: ChatAttention | null): Promise<void>;
  /** Queued and active conversations, oldest first. */
  listOpenConversations(): Promise<Conversation[]>;

  markAgentDisconnected(agentId: string, at: number): Promise<void>;
  markAgentConnected(agentId: string): Promise<void>;
  /** Agents whose console has been gone since `cutoff` or earlier. */
  listAgentsDisconnectedSince(cutoff: number): Promise<string[]>;
  /**
   * Ends an agent's grace period if it began at or before `cutoff`: available becomes away. True only for
   * the one caller that ended it, so several server processes sweeping the same database act once.
   */
  endGrace(agentId: string, cutoff: number): Promise<boolean>;
  listAgentStatuses(): Promise<AgentStatusRecord[]>;
}

export interface ChatMoveStore {
  recordMove(move: ChatMove): Promise<void>;
  listMoves(conversationId: string): Promise<ChatMove[]>;
  addPreviousAssignee(conversationId: string, agentId: string, since: number): Promise<void>;
  listPreviousAssignees(conversationId: string): Promise<string[]>;
  /** Open conversations the agent held before and does not hold now. */
  listHandedOver(agentId: string): Promise<Conversation[]>;
  /** The end user's other conversations, newest first. */
  listPastConversations(endUserId: string, exceptId: string, limit: number): Promise<Conversation[]>;
}

export interface InternalNoteStore {
  /** Idempotent on (author, client id): a repeat returns the stored note and created=false. */
  addNote(note: InternalNote): Promise<{ note: InternalNote; created: boolean }>;
  listNotes(conversationId: string): Promise<InternalNote[]>;
}

export interface CannedReplyStore {
  listCannedReplies(): Promise<CannedReply[]>;
  /** Throws a unique violation (see isUniqueViolation) when the shortcut is taken. */
  createCannedReply(reply: CannedReply): Promise<CannedReply>;
  updateCannedReply(reply: CannedReply): Promise<boolean>;
  deleteCannedReply(id: string): Promise<boolean>;
}

export type AgentPatch = Partial<Pick<Agent, 'name' | 'role' | 'tier' | 'capacity' | 'active' | 'passwordHash'>>;
export type OrganisationPatch = Partial<
  Pick<Organisation, 'name' | 'allowedOrigins' | 'identityRequired' | 'accountManagerId' | 'hotline' | 'identitySecret' | 'supportPlanId'>
>;

export interface AdminStore {
  listAgents(): Promise<Agent[]>;
  updateAgent(id: string, patch: AgentPatch): Promise<boolean>;
  /** Signs the agent out everywhere. */
  deleteAgentSessions(agentId: string): Promise<void>;
  listOrganisations(): Promise<Organisation[]>;
  updateOrganisation(id: string, patch: OrganisationPatch): Promise<boolean>;
  /** True if the error is the store's unique-constraint violation (a taken email, shortcut, app key). */
  isUniqueViolation(error: unknown): boolean;
}
