// Help articles as clients see them: search hits, the rendered page, the console's editing views and reports.
export const ARTICLE_LOCALES = ['zh-CN', 'en'] as const;
export type ArticleLocale = (typeof ARTICLE_LOCALES)[number];

/** draft: an admin's work in progress · suggested: an agent's proposal awaiting review · published: live. */
export const ARTICLE_STATUSES = ['draft', 'suggested', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** deflected: it helped and no chat was open · helpful: it helped during a chat · escalated: "I still need help". */
export type ArticleOutcome = 'deflected' | 'helpful' | 'escalated';

export const ARTICLE_LIMITS = {
  slug: 80,
  title: 160,
  summary: 400,
  body: 40_000,
  tags: 12,
  tag: 40,
  query: 200,
  results: 10,
} as const;

/** The article's locale for a BCP 47 language tag: any Chinese is zh-CN, everything else English. */
export const articleLocaleFor = (language: string | undefined | null): ArticleLocale => (language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');

/** One search result or suggestion: enough to show a link. */
export interface ArticleHit {
  id: string;
  slug: string;
  locale: ArticleLocale;
  title: string;
  summary: string;
}

/** A published article ready to show: sanitised HTML rendered on the server. */
export interface ArticlePage extends ArticleHit {
  html: string;
  tags: string[];
  updatedAt: number;
  /** Locales this article is also published in. */
  translations: ArticleLocale[];
}

/** What "This helped" / "I still need help" did. */
export interface ArticleFeedbackAck {
  outcome: ArticleOutcome;
  /** The open chat the article was attached to at once; null when it waits for the next chat. */
  conversationId: string | null;
}

/** An article the user read before asking, attached to their conversation for the agent. */
export interface TriedArticle {
  articleId: string;
  slug: string;
  locale: ArticleLocale;
  title: string;
  at: number;
}

export interface ConversationArticles {
  conversationId: string;
  articles: TriedArticle[];
}

/** A row of the console's article list. */
export interface ArticleSummary extends ArticleHit {
  tags: string[];
  status: ArticleStatus;
  author: { id: string; name: string } | null;
  updatedAt: number;
  publishedAt: number | null;
}

/** An article as the console edits it: the markdown source, and the HTML visitors would see. */
export interface ArticleDetail extends ArticleSummary {
  body: string;
  html: string;
}

export interface ArticleDeflection {
  articleId: string;
  slug: string;
  locale: ArticleLocale;
  title: string;
  deflected: number;
  helpful: number;
  escalated: number;
}

export interface SearchMiss {
  query: string;
  locale: ArticleLocale;
  source: 'widget' | 'console';
  count: number;
  lastAt: number;
}

/** What self-service achieved over a period: articles that ended chats before they started, and gaps. */
export interface ArticleInsights {
  since: number;
  deflections: ArticleDeflection[];
  misses: SearchMiss[];
}
