// What the help-article features keep in the store, and the port they need from it (part of the Store).
import type { ArticleLocale, ArticleOutcome, ArticleStatus } from '../../../shared/articles';

export interface Article {
  id: string;
  /** Names the article across locales: the zh-CN and en versions of one article share it. */
  slug: string;
  locale: ArticleLocale;
  title: string;
  summary: string;
  tags: string[];
  /** Markdown source. */
  body: string;
  status: ArticleStatus;
  /** The agent who wrote or suggested it; null for the starter articles. */
  authorId: string | null;
  createdAt: number;
  /** Also the version: a save names the version it edits and is refused if another save came first. */
  updatedAt: number;
  publishedAt: number | null;
}

export interface ArticleFeedback {
  id: string;
  /** The widget's id for this answer; a repeat of it records nothing new. */
  clientId: string;
  articleId: string;
  endUserId: string;
  organisationId: string;
  outcome: ArticleOutcome;
  /** For "I still need help": the conversation it was attached to, once there is one. */
  conversationId: string | null;
  createdAt: number;
}

export interface SearchMissRecord {
  id: string;
  source: 'widget' | 'console';
  /** End user or agent id: typing "mic", "micr", "micro" is one search, told apart per searcher. */
  searcherId: string;
  query: string;
  locale: ArticleLocale;
  createdAt: number;
}

export interface ArticleFilter {
  status?: ArticleStatus;
  locale?: ArticleLocale;
  authorId?: string;
}

export type ArticleSave = 'saved' | 'stale' | 'duplicate' | 'missing';

export interface OutcomeCount {
  articleId: string;
  outcome: ArticleOutcome;
  count: number;
}

export interface ArticleStore {
  /** False when another article already has this slug in this locale. */
  createArticle(article: Article): Promise<boolean>;
  getArticle(id: string): Promise<Article | null>;
  findArticle(slug: string, locale: ArticleLocale): Promise<Article | null>;
  /** Newest first. */
  listArticles(filter: ArticleFilter): Promise<Article[]>;
  /** Writes the article if its stored updatedAt is still `expectedUpdatedAt`. */
  saveArticle(article: Article, expectedUpdatedAt: number): Promise<ArticleSave>;
  deleteArticle(id: string): Promise<boolean>;
  /** Changes whenever any article is created, saved or deleted (lets each server node notice others' edits). */
  articleChangeStamp(): Promise<string>;
  /**
   * Creates a starter article once per installation: false if this slug and locale were seeded before
   * (even if an admin has since deleted the article) or an article with them exists.
   */
  seedArticle(article: Article): Promise<boolean>;

  /** Idempotent per (end user, client id): a repeat returns the first record and created=false. */
  recordArticleFeedback(feedback: ArticleFeedback): Promise<{ feedback: ArticleFeedback; created: boolean }>;
  /** Attaches the end user's unattached "I still need help" answers given since `since` to the conversation. */
  attachEscalations(endUserId: string, conversationId: string, since: number): Promise<ArticleFeedback[]>;
  /** "I still need help" answers attached to the conversation, oldest first. */
  listConversationFeedback(conversationId: string): Promise<ArticleFeedback[]>;
  countArticleOutcomes(since: number): Promise<OutcomeCount[]>;

  recordSearchMiss(miss: SearchMissRecord): Promise<void>;
  /** The newest `limit` misses from `since` on, newest first. */
  listSearchMisses(since: number, limit: number): Promise<SearchMissRecord[]>;
}
