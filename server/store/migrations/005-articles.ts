// Help articles (one row per slug and locale), which starter articles were seeded, readers' answers to
// "did this help?", and searches that found nothing.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('agents.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('published_at', 'bigint')
    .addUniqueConstraint('articles_slug_locale', ['slug', 'locale'])
    .execute();
  await db.schema.createIndex('articles_status_updated').on('articles').columns(['status', 'updated_at']).execute();

  // Remembers seeding even after an admin deletes a starter article, so it does not come back on restart.
  await db.schema
    .createTable('article_seeds')
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('seeded_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_seeds_pk', ['slug', 'locale'])
    .execute();

  // No foreign key to articles: the answers stay counted (and attached to chats) after an article is deleted.
  await db.schema
    .createTable('article_feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('end_user_id', 'text', (c) => c.notNull().references('end_users.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.references('conversations.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('article_feedback_client_id', ['end_user_id', 'client_id'])
    .execute();
  await db.schema.createIndex('article_feedback_conversation').on('article_feedback').columns(['conversation_id']).execute();
  await db.schema.createIndex('article_feedback_created').on('article_feedback').columns(['created_at']).execute();

  await db.schema
    .createTable('article_search_misses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('searcher_id', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_search_misses_created').on('article_search_misses').columns(['created_at']).execute();
}
