// Suggested edits to published help articles, as the console sees them: an agent's proposed text and why,
// waiting for an admin to apply or dismiss it. Readers never see a suggestion.
import type { ArticleLocale } from './articles';

/** pending: waiting for an admin · applied: became the article's text · dismissed: turned down. */
export const SUGGESTED_EDIT_STATUSES = ['pending', 'applied', 'dismissed'] as const;
export type SuggestedEditStatus = (typeof SUGGESTED_EDIT_STATUSES)[number];

/** How long the note saying why may be. */
export const SUGGESTED_EDIT_NOTE_LIMIT = 500;

/** The parts of an article a suggestion may change (slug and language stay: links and translations use them). */
export interface ArticleText {
  title: string;
  summary: string;
  tags: string[];
  body: string;
}

export interface PersonRef {
  id: string;
  name: string;
}

/** A row of the console's list of suggested edits. */
export interface SuggestedEditSummary {
  id: string;
  articleId: string;
  slug: string;
  locale: ArticleLocale;
  /** The article's title now (the proposed one when the article was deleted since). */
  articleTitle: string;
  note: string;
  status: SuggestedEditStatus;
  author: PersonRef;
  createdAt: number;
  /** Who applied or dismissed it, and when. */
  decidedBy: PersonRef | null;
  decidedAt: number | null;
  /** The article was saved (or deleted) after the suggestion was written: it can no longer be applied. */
  outdated: boolean;
}

/** One suggestion with the text it proposes and the article's text now, for a diff. */
export interface SuggestedEditDetail extends SuggestedEditSummary {
  /** The article version the suggestion was written against. */
  baseUpdatedAt: number;
  proposed: ArticleText;
  /** Null when the article no longer exists. */
  current: ArticleText | null;
}
