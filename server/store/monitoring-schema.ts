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

export interface MonitoringTables {
  quality_rules: QualityRulesTable;
  quality_minutes: QualityMinutesTable;
  incident_links: IncidentLinksTable;
}
