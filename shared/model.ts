// Model types seen by clients: what the server sends about users, agents, conversations and messages.
import type { QualityHistoryEntry } from './quality';
import type { Priority, Urgency } from './chat-priority';
import type { Notice } from './notices/notice-schema';

export type UserRole = 'student' | 'teacher';
export type AgentRole = 'agent' | 'supervisor' | 'admin';
export type Tier = 'L1' | 'L2' | 'account_manager';
export type ConversationStatus = 'queued' | 'active' | 'closed';
export type AuthorKind = 'visitor' | 'agent' | 'system';

/** Classroom context attached to a conversation; organisation and verified fields are set by the server. */
export interface ConversationContext {
  organisation: string;
  classroomId?: string;
  role?: UserRole;
  browser?: string;
  os?: string;
  pageUrl?: string;
  hostApp?: string;
  hostAppVersion?: string;
  sdkVersion?: string;
  /** The host app says the user's live class is running right now (raises the chat's priority). */
  liveClass?: boolean;
  /** The language the user's widget shows (BCP 47), as the widget resolved it. */
  locale?: string;
  /** Recent network quality the host app measured, when it reports it. */
  network?: NetworkQuality;
  extra?: Record<string, string | number | boolean>;
  /** Set by the server when the user opened the chat from a proactive offer (the unstable-connection notice). */
  proactive?: 'quality';
  /** The user's recent quality reports, oldest first, attached by the server to a proactive chat. */
  qualityHistory?: QualityHistoryEntry[];
}

export interface NetworkQuality {
  /** Round-trip time to the classroom's media server, milliseconds. */
  rttMs?: number;
  /** Share of packets lost, percent (0–100). */
  packetLossPct?: number;
  jitterMs?: number;
}

/** Who may take a chat from the queue: a tier, or (after the account manager) the supervisors. */
export type RoutingTarget = Tier | 'supervisors';
/** Why a chat needs a supervisor's eye. */
export type ChatAttention = 'agent_away';

/** Where a chat stands in routing: how urgent, when its first reply is due, who may take it. */
export interface ChatRoutingView {
  priority: Priority;
  /** The user's own urgency choice, if they made one. */
  urgency: Urgency | null;
  firstResponseDueAt: number;
  /** When an agent first replied; null while the user still waits for one. */
  firstResponseAt: number | null;
  /** When it last entered the queue (arrival, or when it went back). */
  queuedAt: number;
  /** Back at the front of the queue: its agent left, or it was handed over. */
  front: boolean;
  target: RoutingTarget;
  /** Held in the queue for this agent only (an escalation to the account manager). */
  reservedFor: string | null;
  attention: ChatAttention | null;
  /** Agents who held the chat before; they keep read access. */
  previousAgentIds: string[];
}

export interface ChatMessage {
  id: string;
  conversationId: string;
  /** Gap-free, per conversation, starting at 1. */
  seq: number;
  /** The author's client-generated id; null for system messages. */
  clientId: string | null;
  authorKind: AuthorKind;
  authorName: string;
  /** What the author wrote; for a system message, its notice rendered in English (for clients that know no codes). */
  text: string;
  /** A system message as a code with parameters: clients render it in their reader's language (renderNotice). */
  notice?: Notice | null;
  /** Epoch milliseconds, server time. */
  createdAt: number;
}

export interface EndUserView {
  id: string;
  name: string;
  role: UserRole | null;
  verified: boolean;
}

/** What the widget knows about its conversation. */
export interface VisitorConversation {
  id: string;
  status: ConversationStatus;
  agentName: string | null;
  /** 1-based place in the queue while status is 'queued'. */
  queuePosition: number | null;
  lastSeq: number;
  /** How far the visitor has read (their own messages count as read). */
  visitorReadSeq: number;
  /** How far the support side has read: the visitor's messages up to here show "Seen". */
  agentReadSeq: number;
  /**
   * The agent's console dropped and did not come back within the grace period (the chat stays theirs, flagged):
   * the widget says so and offers someone else (`conversation:requeue`) or a ticket.
   */
  agentAway: boolean;
}

/** A row in the console's inbox. */
export interface ConversationSummary {
  id: string;
  status: ConversationStatus;
  user: EndUserView;
  organisation: string;
  classroomId: string | null;
  assignee: { id: string; name: string } | null;
  createdAt: number;
  lastSeq: number;
  preview: string;
  routing: ChatRoutingView;
  /** The visitor has the widget connected now (a short grace covers reconnects). */
  visitorOnline: boolean;
}

export interface ConversationDetail extends ConversationSummary {
  context: ConversationContext;
  messages: ChatMessage[];
}

export interface AgentView {
  id: string;
  email: string;
  name: string;
  role: AgentRole;
  tier: Tier;
  capacity: number;
  available: boolean;
}
