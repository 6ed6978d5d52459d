// What the console is shown about routing and teamwork: moves, internal notes, colleagues, the supervisor's
// overview, canned replies and the administration views.
import type { Priority } from './chat-priority';
import type { ManagerNotice } from './notices/notice-schema';
import type { AgentRole, AgentView, ConversationStatus, RoutingTarget, Tier } from './model';

export type Presence = 'available' | 'away' | 'offline';

/** One change of hands in a conversation's history, as agents see it (the user gets plain words instead). */
export interface ChatMove {
  id: string;
  conversationId: string;
  kind: 'assigned' | 'picked' | 'transferred' | 'escalated' | 'requeued' | 'notified';
  /** Who did it; null when routing or the server did it. */
  actor: { id: string; name: string } | null;
  from: { id: string; name: string } | null;
  to: { id: string; name: string } | null;
  /** For a hand-over to the queue: who may take it now. */
  toTarget: RoutingTarget | null;
  /** Why a chat went back to the queue by itself. */
  reason: 'agent_away' | 'agent_deactivated' | 'signed_out' | null;
  /** The handover note; internal, never shown to the user. */
  note: string | null;
  createdAt: number;
}

/** A note agents leave in a conversation; the user never sees it. */
export interface InternalNote {
  id: string;
  conversationId: string;
  clientId: string;
  author: { id: string; name: string };
  text: string;
  createdAt: number;
}

/** The agents-only side of a conversation. */
export interface ConversationJournal {
  moves: ChatMove[];
  notes: InternalNote[];
}

/** One of the user's earlier conversations, for the context panel. */
export interface PastChat {
  id: string;
  status: ConversationStatus;
  createdAt: number;
  closedAt: number | null;
  assigneeName: string | null;
  priority: Priority;
  preview: string;
}

/** A colleague as transfer pickers and the supervisor see them. */
export interface AgentStatus {
  id: string;
  name: string;
  role: AgentRole;
  tier: Tier;
  presence: Presence;
  /** The console dropped and the grace period is running; no new chats meanwhile. */
  reconnecting: boolean;
  activeChats: number;
  capacity: number;
}

export interface QueueByPriority {
  priority: Priority;
  waiting: number;
  /** When the longest-waiting of them entered the queue; null when none waits. */
  oldestQueuedAt: number | null;
}

/** A chat still waiting for its first agent reply, closest deadline first. */
export interface ChatAtRisk {
  conversationId: string;
  userName: string;
  organisation: string;
  priority: Priority;
  firstResponseDueAt: number;
  status: ConversationStatus;
  assignee: { id: string; name: string } | null;
}

export interface FlaggedChat {
  conversationId: string;
  userName: string;
  assignee: { id: string; name: string } | null;
  attention: 'agent_away';
}

/** The supervisor's live picture: the queue by priority, every agent, and chats close to their deadline. */
export interface SupervisorOverview {
  generatedAt: number;
  queue: QueueByPriority[];
  agents: AgentStatus[];
  atRisk: ChatAtRisk[];
  /** The unanswered chat due soonest among those not yet close to their deadline (null when none waits). */
  nextDue: ChatAtRisk | null;
  flagged: FlaggedChat[];
}

export interface CannedReply {
  id: string;
  /** Typed after "/" in the reply box, e.g. "mic". */
  shortcut: string;
  title: string;
  text: string;
  /** The language it is written in: the "/" picker offers the user's language first. */
  locale: 'en' | 'zh-CN';
  updatedAt: number;
}

/** Something the console should draw the agent's attention to. */
export interface AgentNotice {
  kind: 'customer_chat';
  conversationId: string;
  /** What happened, as a code with parameters: render it in the reader's language (shared/notices). */
  notice: ManagerNotice;
  /** The notice in English, for clients that do not render notices. */
  text: string;
}

/** An agent as administrators manage it. */
export interface AdminAgent extends AgentView {
  presence: Presence;
  active: boolean;
  createdAt: number;
  /** False while an invited agent has not chosen a password through their link. */
  passwordSet: boolean;
  twoFactorEnabled: boolean;
}

/** An organisation as administrators manage it; the identity secret is shown only when it is (re)issued. */
export interface AdminOrganisation {
  id: string;
  name: string;
  appKey: string;
  allowedOrigins: string[];
  identityRequired: boolean;
  accountManager: { id: string; name: string } | null;
  hotline: string | null;
  createdAt: number;
  /** The support plan the organisation is on; null: the global SLA policy. */
  supportPlan: { id: string; name: string } | null;
}
