// Table type of suggested article edits for Kysely (migration 008); same conventions as schema.ts.
import type { ColumnType } from 'kysely';

type EpochMs = ColumnType<number | string, number, number>;
type NullableEpochMs = ColumnType<number | string | null, number | null, number | null>;

export interface ArticleSuggestedEditsTable {
  id: string;
  article_id: string;
  slug: string;
  locale: string;
  base_updated_at: EpochMs;
  title: string;
  summary: string;
  tags: string; // JSON array
  body: string;
  note: string;
  author_id: string;
  created_at: EpochMs;
  status: string;
  decided_by: string | null;
  decided_at: NullableEpochMs;
}

export interface SuggestedEditTables {
  article_suggested_edits: ArticleSuggestedEditsTable;
}
