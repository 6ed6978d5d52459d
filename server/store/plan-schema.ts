// Table types of support plans for Kysely (migration 015); same conventions as schema.ts (epoch ms, JSON text).
import type { ColumnType } from 'kysely';

type EpochMs = ColumnType<number | string, number, number>;

export interface SupportPlansTable {
  id: string;
  version: number;
  name: string;
  targets: string; // JSON
  warn_percent: number;
  business_hours: string | null; // JSON
  credit_per_breach: string | null; // JSON
  created_at: EpochMs;
  created_by: string | null;
}

export interface PlanTables {
  support_plans: SupportPlansTable;
}
