// What the domain keeps in the store: organisations, end users, agents, sessions, conversations, messages.
import type {
  AgentRole,
  AuthorKind,
  ChatMessage,
  ChatRoutingView,
  ConversationContext,
  ConversationStatus,
  Tier,
  UserRole,
} from '../../shared/model';
import type { Presence } from '../../shared/routing-model';
import type { Notice } from '../../shared/notices';
import type { ConsoleLocale } from '../../shared/account-model';

export type { Presence };

export interface Organisation {
  id: string;
  name: string;
  /** Public key the widget connects with. */
  appKey: string;
  /** Exact page origins allowed to embed the widget. */
  allowedOrigins: string[];
  /** HS256 secret the host's backend signs identity tokens with. */
  identitySecret: string;
  identityRequired: boolean;
  /** The organisation's dedicated technical account manager (an agent), if it has one. */
  accountManagerId: string | null;
  /** Phone number shown to users for P1 emergencies. */
  hotline: string | null;
  createdAt: number;
  /** The support plan the organisation is on (migration 015); absent or null: the global SLA policy. */
  supportPlanId?: string | null;
}

export interface EndUser {
  id: string;
  organisationId: string;
  /** The host app's user id for verified users; null for anonymous visitors. */
  externalId: string | null;
  name: string;
  role: UserRole | null;
  classroomId: string | null;
  verified: boolean;
  /** sha256 of an anonymous visitor's bearer token. */
  tokenHash: string | null;
  createdAt: number;
}

export interface Agent {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  role: AgentRole;
  tier: Tier;
  capacity: number;
  presence: Presence;
  active: boolean;
  createdAt: number;
  /** Signs in with a password someone else generated: must choose their own before anything else. */
  mustChangePassword: boolean;
  /** Signs in with a TOTP code after the password (the secret itself stays in the store). */
  twoFactorEnabled: boolean;
  /** The console's language the agent chose; null (or absent): the browser's. */
  locale?: ConsoleLocale | null;
  /** The IANA time zone the agent chose (console clock times, emails); null (or absent): the browser's / UTC. */
  timeZone?: string | null;
}

/** An available agent and how many chats it holds now, as routing sees it. */
export interface AgentLoad {
  agentId: string;
  tier: Tier;
  role: AgentRole;
  capacity: number;
  activeChats: number;
  /** When the agent last got a chat (0 if never): ties go to whoever waited longest. */
  lastAssignedAt: number;
}

export interface AgentSessionRecord {
  /** Shown to the owner and used to revoke it; the token's hash never leaves the server. */
  id: string;
  tokenHash: string;
  agentId: string;
  createdAt: number;
  expiresAt: number;
  lastUsedAt: number;
  /** The client address it was last used from, and the browser it was signed in with. */
  address: string | null;
  userAgent: string | null;
}

export interface Conversation {
  id: string;
  organisationId: string;
  endUserId: string;
  /** Client id of the conversation:start that created it (idempotent per end user). */
  clientId: string;
  status: ConversationStatus;
  assigneeId: string | null;
  context: ConversationContext;
  lastSeq: number;
  createdAt: number;
  assignedAt: number | null;
  closedAt: number | null;
  routing: ChatRouting;
}

/** What routing keeps about a conversation (the previous agents live in their own table). */
export interface ChatRouting extends Omit<ChatRoutingView, 'previousAgentIds'> {
  /** The agent who handed it over; routing does not give it straight back. */
  avoidAgentId: string | null;
  /** The assignee has replied since it was assigned (an unanswered chat goes back to the queue if they leave). */
  assigneeReplied: boolean;
}

export interface StoredMessage extends ChatMessage {
  authorId: string | null;
}

/**
 * What appendMessage answers. A new message comes with its conversation as the append left it (read in the same
 * statement or transaction, so nothing written later is in it): fan-out uses it instead of reading the row again.
 */
export type AppendedMessage =
  | { message: StoredMessage; created: true; conversation: Conversation }
  /** A repeat of a stored client id: the original message. */
  | { message: StoredMessage; created: false };

export interface NewMessage {
  id: string;
  conversationId: string;
  clientId: string | null;
  authorKind: AuthorKind;
  authorId: string | null;
  authorName: string;
  text: string;
  /** System messages: the notice (stored as code + parameters; `text` is then not stored). */
  notice?: Notice | null;
  createdAt: number;
}
