// Table types of the desk for Kysely (migration 019): check-ins and launch windows.
import type { ColumnType } from 'kysely';

type EpochMs = ColumnType<number | string, number, number>;
type MaybeEpochMs = ColumnType<number | string | null, number | null, number | null>;

export interface DeskCheckInsTable {
  id: string;
  organisation_id: string;
  at: EpochMs;
  agenda: string;
  notes: string;
  remind_minutes_before: number;
  remind_at: MaybeEpochMs;
  reminded_at: MaybeEpochMs;
  created_by: string;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export interface LaunchWindowsTable {
  id: string;
  organisation_id: string;
  title: string;
  starts_at: EpochMs;
  ends_at: EpochMs;
  created_by: string;
  created_at: EpochMs;
}

export interface DeskTables {
  desk_check_ins: DeskCheckInsTable;
  launch_windows: LaunchWindowsTable;
}
