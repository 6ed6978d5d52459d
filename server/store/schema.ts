// Table types for Kysely; the same shapes in SQLite and PostgreSQL (booleans as 0/1, times as epoch ms).
import type { ColumnType, Generated } from 'kysely';
import type { PlanTables } from './plan-schema';
import type { SuggestedEditTables } from './suggested-edit-schema';
import type { AccountTables } from './account-schema';
import type { TicketTables } from './ticket-schema';
import type { PrivacyTables } from './privacy-schema';
import type { MonitoringTables } from './monitoring-schema';
import type { IntegrationTables } from './integration-schema';
import type { SatisfactionTables } from './satisfaction-schema';
import type { DeskTables } from './desk-schema';
import type { PagingTables } from './paging-schema';

/** bigint columns come back as strings from some drivers; callers convert with Number(). */
type EpochMs = ColumnType<number | string, number, number>;
type NullableEpochMs = ColumnType<number | string | null, number | null, number | null>;

export interface OrganisationsTable {
  id: string;
  name: string;
  app_key: string;
  allowed_origins: string; // JSON array
  identity_secret: string;
  identity_required: number;
  account_manager_id: string | null;
  hotline: string | null;
  created_at: EpochMs;
  /** Migration 011: days closed chats and tickets are kept; null keeps them. */
  retention_days: ColumnType<number | null, number | null | undefined, number | null>;
  /** Migration 015: the organisation's support plan; null keeps the global SLA policy. */
  support_plan_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface EndUsersTable {
  id: string;
  organisation_id: string;
  external_id: string | null;
  name: string;
  role: string | null;
  classroom_id: string | null;
  verified: number;
  token_hash: string | null;
  created_at: EpochMs;
  /** Migration 011: set when the user's personal data was erased. */
  erased_at: ColumnType<number | string | null, number | null | undefined, number | null>;
}

export interface AgentsTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: string;
  tier: string;
  capacity: number;
  presence: string;
  active: number;
  last_assigned_at: ColumnType<number | string, number | undefined, number>;
  disconnected_at: ColumnType<number | string | null, number | null | undefined, number | null>;
  created_at: EpochMs;
  // Accounts (migration 010).
  must_change_password: ColumnType<number, number | undefined, number>;
  totp_secret: ColumnType<string | null, string | null | undefined, string | null>;
  totp_pending_secret: ColumnType<string | null, string | null | undefined, string | null>;
  totp_last_step: ColumnType<number | string | null, number | null | undefined, number | null>;
  // The console's language the agent chose (migration 012); null: the browser's.
  locale: ColumnType<string | null, string | null | undefined, string | null>;
  // The agent's time zone (migration 020); null: the browser's in the console, UTC in emails.
  time_zone: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AgentSessionsTable {
  token_hash: string;
  agent_id: string;
  created_at: EpochMs;
  expires_at: EpochMs;
  // Accounts (migration 010): null only on rows written before it ran.
  id: string | null;
  last_used_at: NullableEpochMs;
  address: string | null;
  user_agent: string | null;
}

export interface ConversationsTable {
  id: string;
  organisation_id: string;
  end_user_id: string;
  client_id: string;
  status: string;
  assignee_id: string | null;
  context: string; // JSON
  last_seq: Generated<number>;
  created_at: EpochMs;
  assigned_at: NullableEpochMs;
  closed_at: NullableEpochMs;
  // Routing (migration 004).
  priority: string;
  urgency: string | null;
  queued_at: EpochMs;
  first_response_due_at: EpochMs;
  first_response_at: NullableEpochMs;
  route_target: string;
  reserved_for: string | null;
  queue_front: number;
  avoid_agent_id: string | null;
  assignee_replied: number;
  attention: string | null;
}

export interface MessagesTable {
  id: string;
  conversation_id: string;
  seq: number;
  client_id: string | null;
  author_kind: string;
  author_id: string | null;
  author_name: string;
  text: string;
  /** A system message's notice as JSON (code + parameters); `text` is then empty. Migration 012. */
  notice: string | null;
  created_at: EpochMs;
}

export interface ChatMovesTable {
  id: string;
  conversation_id: string;
  kind: string;
  actor_id: string | null;
  actor_name: string | null;
  from_agent_id: string | null;
  from_agent_name: string | null;
  to_agent_id: string | null;
  to_agent_name: string | null;
  to_target: string | null;
  reason: string | null;
  note: string | null;
  created_at: EpochMs;
  position: number;
}

export interface PreviousAssigneesTable {
  conversation_id: string;
  agent_id: string;
  since: EpochMs;
}

export interface InternalNotesTable {
  id: string;
  conversation_id: string;
  client_id: string;
  author_id: string;
  author_name: string;
  text: string;
  created_at: EpochMs;
}

export interface CannedRepliesTable {
  id: string;
  shortcut: string;
  title: string;
  text: string;
  /** Migration 012. */
  locale: ColumnType<string, string | undefined, string>;
  updated_at: EpochMs;
}

export interface ReadMarksTable {
  conversation_id: string;
  reader_kind: string;
  reader_id: string;
  seq: number;
  updated_at: EpochMs;
}

// Help articles (migration 005).
export interface ArticlesTable {
  id: string;
  slug: string;
  locale: string;
  title: string;
  summary: string;
  tags: string; // JSON array
  body: string;
  status: string;
  author_id: string | null;
  created_at: EpochMs;
  updated_at: EpochMs;
  published_at: NullableEpochMs;
}

export interface ArticleSeedsTable {
  slug: string;
  locale: string;
  seeded_at: EpochMs;
}

export interface ArticleFeedbackTable {
  id: string;
  client_id: string;
  article_id: string;
  end_user_id: string;
  organisation_id: string;
  outcome: string;
  conversation_id: string | null;
  created_at: EpochMs;
}

export interface ArticleSearchMissesTable {
  id: string;
  source: string;
  searcher_id: string;
  query: string;
  locale: string;
  created_at: EpochMs;
}

export interface Database
  extends TicketTables,
    SuggestedEditTables,
    PrivacyTables,
    AccountTables,
    PlanTables,
    MonitoringTables,
    IntegrationTables,
    SatisfactionTables,
    DeskTables,
    PagingTables {
  organisations: OrganisationsTable;
  end_users: EndUsersTable;
  agents: AgentsTable;
  agent_sessions: AgentSessionsTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  articles: ArticlesTable;
  article_seeds: ArticleSeedsTable;
  article_feedback: ArticleFeedbackTable;
  article_search_misses: ArticleSearchMissesTable;
  read_marks: ReadMarksTable;
  chat_moves: ChatMovesTable;
  previous_assignees: PreviousAssigneesTable;
  internal_notes: InternalNotesTable;
  canned_replies: CannedRepliesTable;
}
