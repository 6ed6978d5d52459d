// Writing help articles from the console: admins draft, edit, publish and unpublish; agents and supervisors
// suggest articles an admin then reviews. Every save names the version it edits, so no edit is silently lost.
import type { ArticleDetail, ArticleStatus, ArticleSummary } from '../../../shared/articles';
import type { ArticleInput } from '../../../shared/article-schemas';
import { hitOf } from './article-index';
import type { ArticleLibrary } from './article-library';
import type { Article, ArticleFilter, ArticleSave, ArticleStore } from './article-store';
import { DomainError } from '../errors';
import type { Clock } from '../ports';
import type { Agent } from '../records';

export interface EditingDeps {
  store: ArticleStore & { getAgent(id: string): Promise<Agent | null> };
  clock: Clock;
  newId: () => string;
  library: ArticleLibrary;
}

const isAdmin = (agent: Agent): boolean => agent.role === 'admin';
/** Non-admins may touch only their own suggestions, and only while they are suggestions. */
const ownSuggestion = (agent: Agent, article: Article): boolean => article.status === 'suggested' && article.authorId === agent.id;

const SAVE_REFUSAL: Record<Exclude<ArticleSave, 'saved'>, DomainError> = {
  stale: new DomainError('conflict', 'Someone saved this article after you opened it. Reload it to see their changes.'),
  duplicate: new DomainError('conflict', 'Another article already uses this slug in this language.'),
  missing: new DomainError('not_found', 'No such article'),
};

export class ArticleEditing {
  constructor(private readonly deps: EditingDeps) {}

  /** Admins see every article; others see published ones and their own suggestions. */
  async list(agent: Agent, filter: Omit<ArticleFilter, 'authorId'>): Promise<ArticleSummary[]> {
    const { store } = this.deps;
    if (isAdmin(agent)) return this.summaries(await store.listArticles(filter));
    const [published, mine] = await Promise.all([
      filter.status && filter.status !== 'published' ? [] : store.listArticles({ ...filter, status: 'published' }),
      filter.status && filter.status !== 'suggested' ? [] : store.listArticles({ ...filter, status: 'suggested', authorId: agent.id }),
    ]);
    return this.summaries([...mine, ...published].sort((a, b) => b.updatedAt - a.updatedAt));
  }

  async get(agent: Agent, id: string): Promise<ArticleDetail> {
    return this.detail(await this.readable(agent, id));
  }

  /** An admin's new article starts as a draft; anyone else's as a suggestion for an admin to review. */
  async create(agent: Agent, input: ArticleInput): Promise<ArticleDetail> {
    const now = this.deps.clock.now();
    const article: Article = {
      id: this.deps.newId(),
      ...input,
      status: isAdmin(agent) ? 'draft' : 'suggested',
      authorId: agent.id,
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
    };
    if (!(await this.deps.store.createArticle(article))) throw SAVE_REFUSAL.duplicate;
    return this.detail(article);
  }

  async update(agent: Agent, id: string, input: ArticleInput, expectedUpdatedAt: number): Promise<ArticleDetail> {
    const current = await this.writable(agent, id);
    return this.save({ ...current, ...input }, expectedUpdatedAt);
  }

  async publish(agent: Agent, id: string, expectedUpdatedAt: number): Promise<ArticleDetail> {
    return this.setStatus(agent, id, 'published', expectedUpdatedAt);
  }

  /** Takes an article off the widget and the help pages; it stays as a draft. */
  async unpublish(agent: Agent, id: string, expectedUpdatedAt: number): Promise<ArticleDetail> {
    return this.setStatus(agent, id, 'draft', expectedUpdatedAt);
  }

  /** Deletes a draft or suggestion; a published article must be unpublished first, so nothing live vanishes by accident. */
  async remove(agent: Agent, id: string): Promise<void> {
    const article = await this.writable(agent, id);
    if (article.status === 'published') throw new DomainError('conflict', 'Unpublish the article before deleting it.');
    if (!(await this.deps.store.deleteArticle(id))) throw SAVE_REFUSAL.missing;
    await this.deps.library.changed(null, id);
  }

  /** Publishes the starter articles an installation has not had yet; returns how many were added. */
  async seed(starters: ArticleInput[]): Promise<number> {
    let added = 0;
    for (const starter of starters) {
      const now = this.deps.clock.now();
      const article: Article = {
        id: this.deps.newId(),
        ...starter,
        status: 'published',
        authorId: null,
        createdAt: now,
        updatedAt: now,
        publishedAt: now,
      };
      if (await this.deps.store.seedArticle(article)) added++;
    }
    if (added) await this.deps.library.load();
    return added;
  }

  private async setStatus(agent: Agent, id: string, status: ArticleStatus, expectedUpdatedAt: number): Promise<ArticleDetail> {
    if (!isAdmin(agent)) throw new DomainError('forbidden', 'Only admins publish or unpublish articles');
    const current = await this.found(id);
    const publishedAt = status === 'published' ? this.deps.clock.now() : current.publishedAt;
    return this.save({ ...current, status, publishedAt }, expectedUpdatedAt);
  }

  private async save(article: Article, expectedUpdatedAt: number): Promise<ArticleDetail> {
    // Strictly increasing, so two saves within one millisecond are still two versions.
    const saved = { ...article, updatedAt: Math.max(this.deps.clock.now(), expectedUpdatedAt + 1) };
    const result = await this.deps.store.saveArticle(saved, expectedUpdatedAt);
    if (result !== 'saved') throw SAVE_REFUSAL[result];
    await this.deps.library.changed(saved, saved.id);
    return this.detail(saved);
  }

  private async found(id: string): Promise<Article> {
    const article = await this.deps.store.getArticle(id);
    if (!article) throw SAVE_REFUSAL.missing;
    return article;
  }

  /** Someone else's suggestion or draft looks exactly like one that does not exist. */
  private async readable(agent: Agent, id: string): Promise<Article> {
    const article = await this.found(id);
    if (isAdmin(agent) || article.status === 'published' || ownSuggestion(agent, article)) return article;
    throw SAVE_REFUSAL.missing;
  }

  private async writable(agent: Agent, id: string): Promise<Article> {
    const article = await this.readable(agent, id);
    if (isAdmin(agent) || ownSuggestion(agent, article)) return article;
    throw new DomainError('forbidden', 'Only admins edit published articles; suggest an edit instead');
  }

  private async summaries(articles: Article[]): Promise<ArticleSummary[]> {
    const names = new Map<string, string>();
    for (const id of new Set(articles.flatMap((a) => (a.authorId ? [a.authorId] : [])))) {
      const agent = await this.deps.store.getAgent(id);
      if (agent) names.set(id, agent.name);
    }
    return articles.map((a) => summaryOf(a, names));
  }

  private async detail(article: Article): Promise<ArticleDetail> {
    const [summary] = await this.summaries([article]);
    return { ...summary!, body: article.body, html: this.deps.library.html(article) };
  }
}

function summaryOf(a: Article, names: Map<string, string>): ArticleSummary {
  return {
    ...hitOf(a),
    tags: a.tags,
    status: a.status,
    author: a.authorId ? { id: a.authorId, name: names.get(a.authorId) ?? 'Former agent' } : null,
    updatedAt: a.updatedAt,
    publishedAt: a.publishedAt,
  };
}
