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

export interface IntegrationTables {
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}
