// Table types of on-call paging for Kysely (migration 018).
import type { ColumnType } from 'kysely';

type EpochMs = ColumnType<number | string, number, number>;
type NullableEpochMs = ColumnType<number | string | null, number | null, number | null>;

export interface OncallSettingsTable {
  organisation_id: string;
  time_zone: string;
  updated_at: EpochMs;
}

export interface OncallShiftsTable {
  id: string;
  organisation_id: string;
  tier: string;
  agent_id: string;
  starts_at: EpochMs;
  ends_at: EpochMs;
  console_origin: string | null;
  created_by: string | null;
  created_at: EpochMs;
}

export interface PagingChannelsTable {
  id: string;
  organisation_id: string;
  url: string;
  format: string;
  created_at: EpochMs;
}

export interface PagesTable {
  id: string;
  organisation_id: string;
  ticket_id: string;
  reason: string;
  cause_key: string;
  first_tier: string;
  tier: string | null;
  agent_id: string | null;
  step: number;
  status: string;
  due_at: NullableEpochMs;
  ack_token: string;
  acknowledged_at: NullableEpochMs;
  acknowledged_by: string | null;
  log: string;
  created_at: EpochMs;
}

export interface PagingTables {
  oncall_settings: OncallSettingsTable;
  oncall_shifts: OncallShiftsTable;
  paging_channels: PagingChannelsTable;
  pages: PagesTable;
}
