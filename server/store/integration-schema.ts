// Table types of integrations for Kysely (migration 014): webhooks, their delivery outbox and attempts.
import type { ColumnType } from 'kysely';

type EpochMs = ColumnType<number | string, number, number>;
type NullableEpochMs = ColumnType<number | string | null, number | null, number | null>;

export interface WebhooksTable {
  id: string;
  organisation_id: string;
  url: string;
  events: string; // JSON array of event types
  secret: string;
  active: number;
  disabled_reason: string | null;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  organisation_id: string;
  event_id: string;
  type: string;
  body: string;
  status: string;
  attempts: number;
  next_attempt_at: EpochMs;
  created_at: EpochMs;
  finished_at: NullableEpochMs;
}

export interface WebhookAttemptsTable {
  delivery_id: string;
  at: EpochMs;
  status: number | null;
  response: string;
  duration_ms: number;
}

export interface IntegrationTables extends EmailTables {
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}

/** Migration 014b: end users' email addresses and reply notices. */
export interface EndUserContactsTable {
  end_user_id: string;
  email: string;
  updated_at: EpochMs;
}

export interface ReplyNoticesTable {
  target_key: string;
  organisation_id: string;
  end_user_id: string;
  conversation_id: string | null;
  ticket_id: string | null;
  reply_seq: number;
  reply_text: string;
  author_name: string;
  pending: number;
  due_at: EpochMs;
  last_sent_at: NullableEpochMs;
}

export interface EmailTables {
  end_user_contacts: EndUserContactsTable;
  reply_notices: ReplyNoticesTable;
}
