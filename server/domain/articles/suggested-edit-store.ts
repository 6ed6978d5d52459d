// What the store keeps of suggested edits to published articles, and the port for it (part of the ArticleStore).
import type { ArticleLocale } from '../../../shared/articles';
import type { ArticleText, SuggestedEditStatus } from '../../../shared/suggested-edits';
import type { Article } from './article-store';

export interface SuggestedEdit {
  id: string;
  articleId: string;
  /** The article's slug and locale when the edit was suggested (named still if the article is deleted later). */
  slug: string;
  locale: ArticleLocale;
  /** The article's version (its updatedAt) the text was written against; applying needs it unchanged. */
  baseUpdatedAt: number;
  proposed: ArticleText;
  note: string;
  authorId: string;
  createdAt: number;
  status: SuggestedEditStatus;
  decidedBy: string | null;
  decidedAt: number | null;
}

export interface SuggestedEditFilter {
  status?: SuggestedEditStatus;
  authorId?: string;
}

export interface EditDecision {
  by: string;
  at: number;
}

/**
 * applied: the article now has the text and the suggestion says who applied it · stale: the article was saved
 * since · decided: someone applied or dismissed the suggestion first · missing: no such suggestion or article.
 */
export type ApplyOutcome = 'applied' | 'stale' | 'decided' | 'missing';

export interface SuggestedEditStore {
  createSuggestedEdit(edit: SuggestedEdit): Promise<void>;
  getSuggestedEdit(id: string): Promise<SuggestedEdit | null>;
  /** Newest first. */
  listSuggestedEdits(filter: SuggestedEditFilter): Promise<SuggestedEdit[]>;
  /**
   * In one transaction: saves `article` if its stored version is still `expectedUpdatedAt` and marks the pending
   * suggestion applied; or changes nothing. Two admins applying at once cannot both win.
   */
  applySuggestedEdit(id: string, article: Article, expectedUpdatedAt: number, decision: EditDecision): Promise<ApplyOutcome>;
  /** Marks a pending suggestion dismissed; false if it is not pending (or does not exist). */
  dismissSuggestedEdit(id: string, decision: EditDecision): Promise<boolean>;
}
