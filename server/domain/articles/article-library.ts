// The published help articles as readers reach them: search, suggestions for a situation, one rendered page.
// Holds the in-memory index, built from the store at start and kept current as articles change.
import { ARTICLE_LOCALES, type ArticleHit, type ArticleLocale, type ArticlePage } from '../../../shared/articles';
import type { ClientContext } from '../../../shared/schemas';
import { ArticleIndex, hitOf, type SearchableArticle } from './article-index';
import type { RenderMarkdown } from './article-markdown';
import type { Article, ArticleStore, SearchMissRecord } from './article-store';
import { situationTags, suggestArticles } from './article-suggestions';
import { DomainError } from '../errors';
import type { Clock } from '../ports';

/** How often a search asks the store whether another node changed articles. */
const RECHECK_MS = 5_000;
/** How often, and over how long a past, the home screen's order by "this helped" answers is recounted. */
const HELPED_RECOUNT_MS = 10 * 60_000;
const HELPED_WINDOW_MS = 90 * 24 * 60 * 60_000;
/** Share of removed documents at which the index is rebuilt rather than patched further. */
const REBUILD_AT = 0.3;

export interface Searcher {
  source: SearchMissRecord['source'];
  id: string;
}

export interface LibraryDeps {
  store: ArticleStore;
  clock: Clock;
  newId: () => string;
  render: RenderMarkdown;
}

const searchable = (a: Article): SearchableArticle => ({ ...hitOf(a), tags: a.tags, body: a.body, updatedAt: a.updatedAt });

export class ArticleLibrary {
  private index = new ArticleIndex();
  private stamp: string | null = null;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private loading: Promise<void> | null = null;
  /** "This helped" answers per slug (all locales), for ordering suggestions. */
  private helped = new Map<string, number>();
  private helpedAt = Number.NEGATIVE_INFINITY;
  /** Rendered HTML by article id and version. */
  private readonly rendered = new Map<string, { updatedAt: number; html: string }>();

  constructor(private readonly deps: LibraryDeps) {}

  /** Rebuilds the index from every published article in the store. */
  load(): Promise<void> {
    this.loading ??= (async () => {
      const stamp = await this.deps.store.articleChangeStamp();
      const published = await this.deps.store.listArticles({ status: 'published' });
      this.index = ArticleIndex.build(published.map(searchable));
      this.stamp = stamp;
      this.checkedAt = this.deps.clock.now();
    })().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /** The index, rebuilt first if another node changed articles since the last look. */
  private async current(): Promise<ArticleIndex> {
    const now = this.deps.clock.now();
    if (now - this.checkedAt >= RECHECK_MS) {
      this.checkedAt = now;
      if ((await this.deps.store.articleChangeStamp()) !== this.stamp) await this.load();
    }
    if (this.loading) await this.loading;
    return this.index;
  }

  /** An article changed here: patch the index at once (or rebuild when patches have piled up). */
  async changed(article: Article | null, id: string): Promise<void> {
    this.rendered.delete(id);
    if (article?.status === 'published') this.index.upsert(searchable(article));
    else this.index.remove(id);
    if (this.index.wasted > REBUILD_AT) return this.load();
    this.stamp = await this.deps.store.articleChangeStamp();
  }

  get size(): number {
    return this.index.size;
  }

  /** Ranked matches, the reader's locale first. A search that finds nothing is remembered for the insights. */
  async search(query: string, locale: ArticleLocale, limit: number, searcher?: Searcher): Promise<ArticleHit[]> {
    const hits = (await this.current()).search(query, { locale, limit }).map(hitOf);
    if (!hits.length && searcher) {
      await this.deps.store.recordSearchMiss({
        id: this.deps.newId(),
        source: searcher.source,
        searcherId: searcher.id,
        query: normaliseQuery(query),
        locale,
        createdAt: this.deps.clock.now(),
      });
    }
    return hits;
  }

  /** What the home screen offers for this situation (weak network first when the host reports one). */
  async suggest(context: ClientContext, locale: ArticleLocale, limit: number): Promise<ArticleHit[]> {
    const index = await this.current();
    return suggestArticles(index.articles(), situationTags(context), locale, limit, await this.helpedCounts(index)).map(hitOf);
  }

  private async helpedCounts(index: ArticleIndex): Promise<Map<string, number>> {
    const now = this.deps.clock.now();
    if (now - this.helpedAt < HELPED_RECOUNT_MS) return this.helped;
    this.helpedAt = now;
    const helped = new Map<string, number>();
    for (const { articleId, outcome, count } of await this.deps.store.countArticleOutcomes(now - HELPED_WINDOW_MS)) {
      const slug = index.get(articleId)?.slug;
      if (slug && outcome !== 'escalated') helped.set(slug, (helped.get(slug) ?? 0) + count);
    }
    this.helped = helped;
    return helped;
  }

  /** A published article by slug, in `locale` when it exists there, else in the other. */
  async page(slug: string, locale: ArticleLocale): Promise<ArticlePage> {
    const { store } = this.deps;
    let article = await store.findArticle(slug, locale);
    if (article?.status !== 'published') article = await store.findArticle(slug, otherLocale(locale));
    if (article?.status !== 'published') throw new DomainError('not_found', 'No such article');
    const index = await this.current();
    const translations = index
      .articles()
      .filter((a) => a.slug === slug && a.id !== article.id)
      .map((a) => a.locale);
    return {
      ...hitOf(article),
      html: this.html(article),
      tags: article.tags,
      updatedAt: article.updatedAt,
      translations,
    };
  }

  /** The article's HTML as visitors see it, cached per version. */
  html(article: Pick<Article, 'id' | 'body' | 'updatedAt'>): string {
    const cached = this.rendered.get(article.id);
    if (cached?.updatedAt === article.updatedAt) return cached.html;
    const html = this.deps.render(article.body);
    this.rendered.set(article.id, { updatedAt: article.updatedAt, html });
    return html;
  }

  /** Renders unsaved markdown for the console's preview. */
  preview(markdown: string): string {
    return this.deps.render(markdown);
  }
}

const otherLocale = (locale: ArticleLocale): ArticleLocale => ARTICLE_LOCALES.find((l) => l !== locale) ?? locale;

/** How misses are counted: "Mic  Broken" and "mic broken" are the same question. */
export const normaliseQuery = (query: string): string => query.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
