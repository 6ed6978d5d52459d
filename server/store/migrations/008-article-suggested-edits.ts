// Suggested edits to published help articles: the proposed text, why, the version it was written against, and
// who applied or dismissed it when.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // No foreign key to articles (like article_feedback): a draft may be deleted, and its suggestions, with who
  // decided what, stay on record.
  await db.schema
    .createTable('article_suggested_edits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('base_updated_at', 'bigint', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('agents.id'))
    .addColumn('decided_at', 'bigint')
    .execute();
  await db.schema.createIndex('article_suggested_edits_status').on('article_suggested_edits').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('article_suggested_edits_author').on('article_suggested_edits').columns(['author_id', 'created_at']).execute();
}
