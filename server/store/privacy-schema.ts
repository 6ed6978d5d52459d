// Table types of personal data for Kysely (migration 011): the audit log and cluster job claims.
import type { ColumnType } from 'kysely';

type EpochMs = ColumnType<number | string, number, number>;

/** Written once, never updated: the types refuse an update of any column, and the store only inserts and selects. */
type Fixed<T> = ColumnType<T, T, never>;

export interface AuditLogTable {
  id: Fixed<string>;
  at: ColumnType<number | string, number, never>;
  actor_kind: Fixed<string>;
  actor_id: Fixed<string | null>;
  actor_name: Fixed<string>;
  action: Fixed<string>;
  target_kind: Fixed<string | null>;
  target_id: Fixed<string | null>;
  target_label: Fixed<string | null>;
  details: Fixed<string>; // JSON
  address: Fixed<string | null>;
  user_agent: Fixed<string | null>;
}

export interface ClusterJobsTable {
  name: string;
  next_run_at: EpochMs;
  last_run_at: ColumnType<number | string | null, number | null, number | null>;
  runs: EpochMs;
}

export interface PrivacyTables {
  audit_log: AuditLogTable;
  cluster_jobs: ClusterJobsTable;
}
