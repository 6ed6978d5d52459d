// Row <-> record mapping shared by every dialect (JSON text, 0/1 booleans, bigint-as-string times).
import type { Selectable } from 'kysely';
import type { Priority, Urgency } from '../../../shared/chat-priority';
import type { AgentRole, AuthorKind, ChatAttention, ConversationStatus, RoutingTarget, Tier, UserRole } from '../../../shared/model';
import type { Agent, AgentSessionRecord, Conversation, EndUser, NewMessage, Organisation, Presence, StoredMessage } from '../../domain/records';
import { parseNotice, renderNotice, type Notice } from '../../../shared/notices';
import type { AgentSessionsTable, AgentsTable, ConversationsTable, EndUsersTable, MessagesTable, OrganisationsTable } from '../schema';

const time = (value: number | string): number => Number(value);
const maybeTime = (value: number | string | null): number | null => (value === null ? null : Number(value));

export const toOrganisation = (r: Selectable<OrganisationsTable>): Organisation => ({
  id: r.id,
  name: r.name,
  appKey: r.app_key,
  allowedOrigins: JSON.parse(r.allowed_origins) as string[],
  identitySecret: r.identity_secret,
  identityRequired: r.identity_required === 1,
  accountManagerId: r.account_manager_id,
  hotline: r.hotline,
  createdAt: time(r.created_at),
  supportPlanId: r.support_plan_id ?? null,
});

export const toEndUser = (r: Selectable<EndUsersTable>): EndUser => ({
  id: r.id,
  organisationId: r.organisation_id,
  externalId: r.external_id,
  name: r.name,
  role: r.role as UserRole | null,
  classroomId: r.classroom_id,
  verified: r.verified === 1,
  tokenHash: r.token_hash,
  createdAt: time(r.created_at),
});

export const toAgent = (r: Selectable<AgentsTable>): Agent => ({
  id: r.id,
  email: r.email,
  name: r.name,
  passwordHash: r.password_hash,
  role: r.role as AgentRole,
  tier: r.tier as Tier,
  capacity: r.capacity,
  presence: r.presence as Presence,
  active: r.active === 1,
  createdAt: time(r.created_at),
  mustChangePassword: r.must_change_password === 1,
  twoFactorEnabled: r.totp_secret !== null,
  locale: r.locale === 'en' || r.locale === 'zh-CN' ? r.locale : null,
  timeZone: r.time_zone ?? null,
});

export const toSession = (r: Selectable<AgentSessionsTable>): AgentSessionRecord => ({
  // Sessions from before migration 010 were given their hash as id; the fallbacks only satisfy the types.
  id: r.id ?? r.token_hash,
  tokenHash: r.token_hash,
  agentId: r.agent_id,
  createdAt: time(r.created_at),
  expiresAt: time(r.expires_at),
  lastUsedAt: maybeTime(r.last_used_at) ?? time(r.created_at),
  address: r.address,
  userAgent: r.user_agent,
});

export const toConversation = (r: Selectable<ConversationsTable>): Conversation => ({
  id: r.id,
  organisationId: r.organisation_id,
  endUserId: r.end_user_id,
  clientId: r.client_id,
  status: r.status as ConversationStatus,
  assigneeId: r.assignee_id,
  context: JSON.parse(r.context) as Conversation['context'],
  lastSeq: Number(r.last_seq),
  createdAt: time(r.created_at),
  assignedAt: maybeTime(r.assigned_at),
  closedAt: maybeTime(r.closed_at),
  routing: {
    priority: r.priority as Priority,
    urgency: r.urgency as Urgency | null,
    queuedAt: time(r.queued_at),
    firstResponseDueAt: time(r.first_response_due_at),
    firstResponseAt: maybeTime(r.first_response_at),
    target: r.route_target as RoutingTarget,
    reservedFor: r.reserved_for,
    front: r.queue_front === 1,
    avoidAgentId: r.avoid_agent_id,
    assigneeReplied: r.assignee_replied === 1,
    attention: r.attention as ChatAttention | null,
  },
});

export const toMessage = (r: Selectable<MessagesTable>): StoredMessage => ({
  id: r.id,
  conversationId: r.conversation_id,
  seq: Number(r.seq),
  clientId: r.client_id,
  authorKind: r.author_kind as AuthorKind,
  authorId: r.author_id,
  authorName: r.author_name,
  ...readText(r),
  createdAt: time(r.created_at),
});

/** A notice is stored as its code and parameters only, never as words in one language. */
export const storedText = (msg: Pick<NewMessage, 'text' | 'notice'>): { text: string; notice: string | null } =>
  msg.notice ? { text: '', notice: JSON.stringify(msg.notice) } : { text: msg.text, notice: null };

/** The wire's `text` of a notice is its English rendering, for clients that know no codes. */
function readText(r: Pick<Selectable<MessagesTable>, 'text' | 'notice'>): { text: string; notice: Notice | null } {
  const notice = r.notice ? parseNotice(JSON.parse(r.notice)) : null;
  return notice ? { text: renderNotice(notice, 'en'), notice } : { text: r.text, notice: null };
}
