// Suggested edits to published articles; applying one saves the article and records the decision in one transaction.
import type { Kysely, Selectable } from 'kysely';
import type { ArticleLocale } from '../../../shared/articles';
import type { SuggestedEditStatus } from '../../../shared/suggested-edits';
import type { Article } from '../../domain/articles/article-store';
import type { ApplyOutcome, EditDecision, SuggestedEdit, SuggestedEditFilter } from '../../domain/articles/suggested-edit-store';
import type { Database } from '../schema';
import type { ArticleSuggestedEditsTable } from '../suggested-edit-schema';
import { articleRow } from './articles';

const toEdit = (r: Selectable<ArticleSuggestedEditsTable>): SuggestedEdit => ({
  id: r.id,
  articleId: r.article_id,
  slug: r.slug,
  locale: r.locale as ArticleLocale,
  baseUpdatedAt: Number(r.base_updated_at),
  proposed: { title: r.title, summary: r.summary, tags: JSON.parse(r.tags) as string[], body: r.body },
  note: r.note,
  authorId: r.author_id,
  createdAt: Number(r.created_at),
  status: r.status as SuggestedEditStatus,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at === null ? null : Number(r.decided_at),
});

/** Thrown inside the transaction to roll back the claim when the article cannot be saved. */
class Refused extends Error {
  constructor(readonly outcome: ApplyOutcome) {
    super(outcome);
  }
}

/** Records the decision on a pending suggestion; false when it was not pending (decided already, or missing). */
async function decide(db: Kysely<Database>, id: string, status: Exclude<SuggestedEditStatus, 'pending'>, decision: EditDecision): Promise<boolean> {
  const result = await db
    .updateTable('article_suggested_edits')
    .set({ status, decided_by: decision.by, decided_at: decision.at })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function suggestedEditQueries(db: Kysely<Database>) {
  const getSuggestedEdit = async (id: string): Promise<SuggestedEdit | null> => {
    const row = await db.selectFrom('article_suggested_edits').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toEdit(row) : null;
  };

  return {
    getSuggestedEdit,

    async createSuggestedEdit(edit: SuggestedEdit): Promise<void> {
      await db
        .insertInto('article_suggested_edits')
        .values({
          id: edit.id,
          article_id: edit.articleId,
          slug: edit.slug,
          locale: edit.locale,
          base_updated_at: edit.baseUpdatedAt,
          title: edit.proposed.title,
          summary: edit.proposed.summary,
          tags: JSON.stringify(edit.proposed.tags),
          body: edit.proposed.body,
          note: edit.note,
          author_id: edit.authorId,
          created_at: edit.createdAt,
          status: edit.status,
          decided_by: edit.decidedBy,
          decided_at: edit.decidedAt,
        })
        .execute();
    },

    async listSuggestedEdits(filter: SuggestedEditFilter): Promise<SuggestedEdit[]> {
      let query = db.selectFrom('article_suggested_edits').selectAll();
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.authorId) query = query.where('author_id', '=', filter.authorId);
      const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'asc').execute();
      return rows.map(toEdit);
    },

    async applySuggestedEdit(id: string, article: Article, expectedUpdatedAt: number, decision: EditDecision): Promise<ApplyOutcome> {
      const { id: _id, created_at: _created, author_id: _author, ...changes } = articleRow(article);
      try {
        return await db.transaction().execute(async (trx) => {
          if (!(await decide(trx, id, 'applied', decision))) {
            const exists = await trx.selectFrom('article_suggested_edits').select('id').where('id', '=', id).executeTakeFirst();
            return exists ? 'decided' : 'missing';
          }
          const saved = await trx
            .updateTable('articles')
            .set(changes)
            .where('id', '=', article.id)
            .where('updated_at', '=', expectedUpdatedAt)
            .executeTakeFirst();
          if (Number(saved.numUpdatedRows) !== 1) {
            const exists = await trx.selectFrom('articles').select('id').where('id', '=', article.id).executeTakeFirst();
            throw new Refused(exists ? 'stale' : 'missing');
          }
          return 'applied';
        });
      } catch (error) {
        if (error instanceof Refused) return error.outcome;
        throw error;
      }
    },

    dismissSuggestedEdit(id: string, decision: EditDecision): Promise<boolean> {
      return decide(db, id, 'dismissed', decision);
    },
  };
}
