// Table types of quality monitoring for Kysely (migration 013).
import type { ColumnType } from 'kysely';

type EpochMs = ColumnType<number | string, number, number>;

export interface QualityRulesTable {
  organisation_id: string;
  rules: string; // JSON
  updated_at: EpochMs;
}

export interface QualityMinutesTable {
  organisation_id: string;
  classroom_id: string;
  minute: EpochMs;
  reports: number;
  users: number;
  degraded_users: number;
  rtt_ms: number | null;
  packet_loss_pct: number | null;
  jitter_ms: number | null;
}

export interface IncidentLinksTable {
  ticket_id: string;
  target_kind: string;
  target_id: string;
  at: EpochMs;
}

/** Migration 017. */
export interface IncidentsTable {
  ticket_id: string;
  organisation_id: string;
  classroom_id: string;
  open_key: string | null;
  opened_at: EpochMs;
  recovered_at: ColumnType<number | string | null, number | null | undefined, number | null>;
  resolved_at: ColumnType<number | string | null, number | null | undefined, number | null>;
  last_update: string | null;
}

export interface MonitoringTables {
  quality_rules: QualityRulesTable;
  quality_minutes: QualityMinutesTable;
  incident_links: IncidentLinksTable;
  incidents: IncidentsTable;
}
