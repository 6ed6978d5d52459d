// Table type of satisfaction ratings for Kysely (migration 016).
import type { ColumnType } from 'kysely';

type EpochMs = ColumnType<number | string, number, number>;

export interface SatisfactionRatingsTable {
  id: string;
  organisation_id: string;
  subject_kind: string;
  subject_id: string;
  end_user_id: string;
  agent_id: string | null;
  score: number;
  comment: string | null;
  created_at: EpochMs;
}

export interface SatisfactionTables {
  satisfaction_ratings: SatisfactionRatingsTable;
}
