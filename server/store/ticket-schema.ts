// Table types of tickets for Kysely (migration 006); same conventions as schema.ts (0/1 booleans, epoch ms, JSON text).
import type { ColumnType } from 'kysely';

type EpochMs = ColumnType<number | string, number, number>;
type NullableEpochMs = ColumnType<number | string | null, number | null, number | null>;

export interface TicketsTable {
  id: string;
  number: ColumnType<number | string, number, never>;
  organisation_id: string;
  end_user_id: string | null;
  conversation_id: string | null;
  linked_ticket_id: string | null;
  subject: string;
  category: string | null;
  description: string;
  steps: string | null;
  since: string | null;
  affected: string | null;
  impact: string | null;
  priority: string;
  status: string;
  level: string;
  assignee_id: string | null;
  channel: string;
  environment: string | null; // JSON
  transcript: string; // JSON
  created_at: EpochMs;
  updated_at: EpochMs;
  first_response_at: NullableEpochMs;
  resolved_at: NullableEpochMs;
  closed_at: NullableEpochMs;
  auto_close_at: NullableEpochMs;
  sla_policy_version: number;
  sla_first_response_target_ms: EpochMs;
  sla_resolution_target_ms: NullableEpochMs;
  sla_warn_percent: number;
  sla_paused_ms: EpochMs;
  sla_paused_since: NullableEpochMs;
  sla_fr_warn_at: NullableEpochMs;
  sla_fr_due_at: NullableEpochMs;
  sla_res_warn_at: NullableEpochMs;
  sla_res_due_at: NullableEpochMs;
  sla_fr_warned_at: NullableEpochMs;
  sla_fr_breached_at: NullableEpochMs;
  sla_res_warned_at: NullableEpochMs;
  sla_res_breached_at: NullableEpochMs;
  sla_next_due_at: NullableEpochMs;
  sla_next_timer_at: NullableEpochMs;
  sla_state: string;
  /** Migration 015: the support plan and the calendar (JSON business hours) the clocks count in. */
  sla_plan_id: ColumnType<string | null, string | null | undefined, string | null>;
  sla_hours: ColumnType<string | null, string | null | undefined, string | null>;
  event_seq: number;
  customer_seq: number;
  customer_seen_seq: number;
  version: number;
  client_key: string | null;
  /** 'standard' or 'incident' (migration 013). */
  kind: ColumnType<string, string | undefined, string>;
}

export interface TicketEventsTable {
  id: string;
  ticket_id: string;
  seq: number;
  kind: string;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string;
  public: number;
  text: string | null;
  data: string; // JSON
  client_key: string | null;
  created_at: EpochMs;
}

export interface TicketAttachmentsTable {
  id: string;
  ticket_id: string;
  name: string;
  type: string;
  size: number;
  storage_key: string;
  uploaded_by_kind: string;
  uploaded_by_id: string | null;
  uploaded_by_name: string;
  created_at: EpochMs;
  upload_key: string | null;
}

export interface TicketCallbacksTable {
  id: string;
  ticket_id: string;
  phone: string;
  preferred_time: string;
  created_at: EpochMs;
  acknowledged_at: NullableEpochMs;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
}

/** One row per counter; 'tickets' hands out ticket numbers. */
export interface CountersTable {
  name: string;
  value: ColumnType<number | string, number, number>;
}

export interface SlaPoliciesTable {
  version: number;
  targets: string; // JSON
  warn_percent: number;
  created_at: EpochMs;
  created_by: string | null;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  token_hash: string;
  created_by: string;
  created_at: EpochMs;
  last_used_at: NullableEpochMs;
  revoked_at: NullableEpochMs;
  /** Null: every organisation. */
  organisation_id: string | null;
  expires_at: NullableEpochMs;
}

export interface TicketTables {
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  ticket_attachments: TicketAttachmentsTable;
  ticket_callbacks: TicketCallbacksTable;
  counters: CountersTable;
  sla_policies: SlaPoliciesTable;
  api_tokens: ApiTokensTable;
}
