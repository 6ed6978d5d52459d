// Help articles, their one-time seeding, readers' "did this help?" answers and searches that found nothing.
import type { Kysely, Selectable } from 'kysely';
import type { ArticleLocale, ArticleOutcome, ArticleStatus } from '../../../shared/articles';
import type { Article, ArticleFeedback, ArticleFilter, ArticleSave, OutcomeCount, SearchMissRecord } from '../../domain/articles/article-store';
import type { ArticleFeedbackTable, ArticlesTable, Database } from '../schema';
import type { DialectTraits } from './dialect';

const toArticle = (r: Selectable<ArticlesTable>): Article => ({
  id: r.id,
  slug: r.slug,
  locale: r.locale as ArticleLocale,
  title: r.title,
  summary: r.summary,
  tags: JSON.parse(r.tags) as string[],
  body: r.body,
  status: r.status as ArticleStatus,
  authorId: r.author_id,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
  publishedAt: r.published_at === null ? null : Number(r.published_at),
});

export const articleRow = (a: Article) => ({
  id: a.id,
  slug: a.slug,
  locale: a.locale,
  title: a.title,
  summary: a.summary,
  tags: JSON.stringify(a.tags),
  body: a.body,
  status: a.status,
  author_id: a.authorId,
  created_at: a.createdAt,
  updated_at: a.updatedAt,
  published_at: a.publishedAt,
});

const toFeedback = (r: Selectable<ArticleFeedbackTable>): ArticleFeedback => ({
  id: r.id,
  clientId: r.client_id,
  articleId: r.article_id,
  endUserId: r.end_user_id,
  organisationId: r.organisation_id,
  outcome: r.outcome as ArticleOutcome,
  conversationId: r.conversation_id,
  createdAt: Number(r.created_at),
});

export function articleQueries(db: Kysely<Database>, traits: DialectTraits) {
  const getArticle = async (id: string): Promise<Article | null> => {
    const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toArticle(row) : null;
  };

  const findFeedback = async (endUserId: string, clientId: string): Promise<ArticleFeedback | null> => {
    const row = await db
      .selectFrom('article_feedback')
      .selectAll()
      .where('end_user_id', '=', endUserId)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return row ? toFeedback(row) : null;
  };

  return {
    getArticle,

    async createArticle(article: Article): Promise<boolean> {
      try {
        await db.insertInto('articles').values(articleRow(article)).execute();
        return true;
      } catch (error) {
        if (traits.isUniqueViolation(error)) return false;
        throw error;
      }
    },

    async findArticle(slug: string, locale: ArticleLocale): Promise<Article | null> {
      const row = await db.selectFrom('articles').selectAll().where('slug', '=', slug).where('locale', '=', locale).executeTakeFirst();
      return row ? toArticle(row) : null;
    },

    async listArticles(filter: ArticleFilter): Promise<Article[]> {
      let query = db.selectFrom('articles').selectAll();
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.locale) query = query.where('locale', '=', filter.locale);
      if (filter.authorId) query = query.where('author_id', '=', filter.authorId);
      const rows = await query.orderBy('updated_at', 'desc').orderBy('id', 'asc').execute();
      return rows.map(toArticle);
    },

    async saveArticle(article: Article, expectedUpdatedAt: number): Promise<ArticleSave> {
      const { id: _id, created_at: _created, author_id: _author, ...changes } = articleRow(article);
      try {
        const result = await db
          .updateTable('articles')
          .set(changes)
          .where('id', '=', article.id)
          .where('updated_at', '=', expectedUpdatedAt)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 1) return 'saved';
      } catch (error) {
        if (traits.isUniqueViolation(error)) return 'duplicate';
        throw error;
      }
      return (await getArticle(article.id)) ? 'stale' : 'missing';
    },

    async deleteArticle(id: string): Promise<boolean> {
      const result = await db.deleteFrom('articles').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    async articleChangeStamp(): Promise<string> {
      const row = await db
        .selectFrom('articles')
        .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('updated_at').as('latest')])
        .executeTakeFirstOrThrow();
      return `${Number(row.n)}:${Number(row.latest ?? 0)}`;
    },

    seedArticle(article: Article): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        // ON CONFLICT rather than catching the violation: PostgreSQL aborts a transaction on any failed statement.
        const marked = await trx
          .insertInto('article_seeds')
          .values({ slug: article.slug, locale: article.locale, seeded_at: article.createdAt })
          .onConflict((oc) => oc.columns(['slug', 'locale']).doNothing())
          .executeTakeFirst();
        if (Number(marked.numInsertedOrUpdatedRows ?? 0) === 0) return false;
        // An admin may have written an article under this slug before the starter set grew to include it.
        const taken = await trx
          .selectFrom('articles')
          .select('id')
          .where('slug', '=', article.slug)
          .where('locale', '=', article.locale)
          .executeTakeFirst();
        if (taken) return false;
        await trx.insertInto('articles').values(articleRow(article)).execute();
        return true;
      });
    },

    async recordArticleFeedback(feedback: ArticleFeedback): Promise<{ feedback: ArticleFeedback; created: boolean }> {
      try {
        await db
          .insertInto('article_feedback')
          .values({
            id: feedback.id,
            client_id: feedback.clientId,
            article_id: feedback.articleId,
            end_user_id: feedback.endUserId,
            organisation_id: feedback.organisationId,
            outcome: feedback.outcome,
            conversation_id: feedback.conversationId,
            created_at: feedback.createdAt,
          })
          .execute();
        return { feedback, created: true };
      } catch (error) {
        if (!traits.isUniqueViolation(error)) throw error;
        const original = await findFeedback(feedback.endUserId, feedback.clientId);
        if (!original) throw error;
        return { feedback: original, created: false };
      }
    },

    async attachEscalations(endUserId: string, conversationId: string, since: number): Promise<ArticleFeedback[]> {
      const rows = await db
        .updateTable('article_feedback')
        .set({ conversation_id: conversationId })
        .where('end_user_id', '=', endUserId)
        .where('outcome', '=', 'escalated')
        .where('conversation_id', 'is', null)
        .where('created_at', '>=', since)
        .returningAll()
        .execute();
      return rows.map(toFeedback).sort((a, b) => a.createdAt - b.createdAt);
    },

    async listConversationFeedback(conversationId: string): Promise<ArticleFeedback[]> {
      const rows = await db
        .selectFrom('article_feedback')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .orderBy('created_at', 'asc')
        .orderBy('id', 'asc')
        .execute();
      return rows.map(toFeedback);
    },

    async countArticleOutcomes(since: number): Promise<OutcomeCount[]> {
      const rows = await db
        .selectFrom('article_feedback')
        .select((eb) => ['article_id', 'outcome', eb.fn.countAll().as('n')])
        .where('created_at', '>=', since)
        .groupBy(['article_id', 'outcome'])
        .execute();
      return rows.map((r) => ({ articleId: r.article_id, outcome: r.outcome as ArticleOutcome, count: Number(r.n) }));
    },

    async recordSearchMiss(miss: SearchMissRecord): Promise<void> {
      await db
        .insertInto('article_search_misses')
        .values({
          id: miss.id,
          source: miss.source,
          searcher_id: miss.searcherId,
          query: miss.query,
          locale: miss.locale,
          created_at: miss.createdAt,
        })
        .execute();
    },

    async listSearchMisses(since: number, limit: number): Promise<SearchMissRecord[]> {
      const rows = await db
        .selectFrom('article_search_misses')
        .selectAll()
        .where('created_at', '>=', since)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        source: r.source as SearchMissRecord['source'],
        searcherId: r.searcher_id,
        query: r.query,
        locale: r.locale as ArticleLocale,
        createdAt: Number(r.created_at),
      }));
    },
  };
}
