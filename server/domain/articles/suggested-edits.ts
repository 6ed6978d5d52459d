// Suggested edits to published articles: agents and supervisors propose new text with a note why; readers keep
// seeing the article as it is until an admin applies the suggestion (it becomes the article, the search index
// follows) or dismisses it. Both are recorded with who and when.
import type { ArticleText, SuggestedEditDetail, SuggestedEditStatus, SuggestedEditSummary } from '../../../shared/suggested-edits';
import type { SuggestEditInput } from '../../../shared/suggested-edit-schemas';
import type { ArticleLibrary } from './article-library';
import type { Article, ArticleStore } from './article-store';
import type { ApplyOutcome, SuggestedEdit, SuggestedEditStore } from './suggested-edit-store';
import { DomainError } from '../errors';
import type { Clock } from '../ports';
import type { Agent } from '../records';

export interface SuggestedEditDeps {
  store: ArticleStore & SuggestedEditStore & { getAgent(id: string): Promise<Agent | null> };
  clock: Clock;
  newId: () => string;
  library: ArticleLibrary;
}

const isAdmin = (agent: Agent): boolean => agent.role === 'admin';
const textOf = ({ title, summary, tags, body }: ArticleText): ArticleText => ({ title, summary, tags, body });
const sameText = (a: ArticleText, b: ArticleText): boolean =>
  a.title === b.title && a.summary === b.summary && a.body === b.body && a.tags.join(',') === b.tags.join(',');
/** A pending suggestion written against an older version (or a deleted article) can only be dismissed. */
const outdated = (edit: SuggestedEdit, article: Article | null): boolean =>
  edit.status === 'pending' && (!article || article.updatedAt !== edit.baseUpdatedAt);

const NO_SUGGESTION = new DomainError('not_found', 'No such suggested edit');
const NO_ARTICLE = new DomainError('not_found', 'No such article');
const OUTDATED = new DomainError(
  'conflict',
  'The article was edited after this suggestion was written, so applying it would undo that edit. Dismiss it, or make the change in the article yourself.',
);
const APPLY_REFUSAL: Record<Exclude<ApplyOutcome, 'applied'>, DomainError> = {
  stale: OUTDATED,
  decided: new DomainError('conflict', 'Someone applied or dismissed this suggestion already.'),
  missing: new DomainError('not_found', 'The article or the suggestion no longer exists'),
};
const DECIDED: Record<Exclude<SuggestedEditStatus, 'pending'>, string> = {
  applied: 'This suggestion was applied already.',
  dismissed: 'This suggestion was dismissed already.',
};

export class SuggestedEdits {
  constructor(private readonly deps: SuggestedEditDeps) {}

  /** Proposes new text for a published article, written against the version the agent had open. */
  async suggest(agent: Agent, articleId: string, input: SuggestEditInput): Promise<SuggestedEditDetail> {
    const { store, clock, newId } = this.deps;
    const article = await store.getArticle(articleId);
    // Others' drafts and suggestions look like articles that do not exist (as in ArticleEditing).
    if (!article || (article.status !== 'published' && !isAdmin(agent))) throw NO_ARTICLE;
    if (article.status !== 'published') throw new DomainError('conflict', 'Only published articles take suggested edits; edit this one directly.');
    if (article.updatedAt !== input.expectedUpdatedAt) {
      throw new DomainError('conflict', 'The article was saved after you opened it. Reload it and make your change again.');
    }
    const { note, expectedUpdatedAt, ...proposed } = input;
    if (sameText(proposed, textOf(article))) throw new DomainError('bad_request', 'The suggestion changes nothing in the article');
    const edit: SuggestedEdit = {
      id: newId(),
      articleId,
      slug: article.slug,
      locale: article.locale,
      baseUpdatedAt: expectedUpdatedAt,
      proposed,
      note,
      authorId: agent.id,
      createdAt: clock.now(),
      status: 'pending',
      decidedBy: null,
      decidedAt: null,
    };
    await store.createSuggestedEdit(edit);
    return this.detail(edit, article);
  }

  /** Admins see every suggestion; others only their own (to learn what became of them). Newest first. */
  async list(agent: Agent, filter: { status?: SuggestedEditStatus }): Promise<SuggestedEditSummary[]> {
    const { store } = this.deps;
    const edits = await store.listSuggestedEdits(isAdmin(agent) ? filter : { ...filter, authorId: agent.id });
    const articleIds = [...new Set(edits.map((e) => e.articleId))];
    const [found, names] = await Promise.all([Promise.all(articleIds.map((id) => store.getArticle(id))), this.names(edits)]);
    const articles = new Map(articleIds.map((id, i) => [id, found[i] ?? null]));
    return edits.map((edit) => summaryOf(edit, articles.get(edit.articleId) ?? null, names));
  }

  async get(agent: Agent, id: string): Promise<SuggestedEditDetail> {
    const edit = await this.deps.store.getSuggestedEdit(id);
    if (!edit || (!isAdmin(agent) && edit.authorId !== agent.id)) throw NO_SUGGESTION;
    return this.detail(edit, await this.deps.store.getArticle(edit.articleId));
  }

  /**
   * Makes the suggested text the article's, live at once. Refused (conflict) when the article was saved after
   * the suggestion was written: applying would silently undo that save.
   */
  async apply(agent: Agent, id: string): Promise<SuggestedEditDetail> {
    const { store, clock, library } = this.deps;
    const edit = await this.pending(agent, id, 'apply');
    const article = await store.getArticle(edit.articleId);
    if (!article) throw APPLY_REFUSAL.missing;
    if (article.updatedAt !== edit.baseUpdatedAt) throw OUTDATED;
    const now = clock.now();
    // Strictly newer than the version it replaces, as every save is (ArticleEditing).
    const saved: Article = { ...article, ...edit.proposed, updatedAt: Math.max(now, article.updatedAt + 1) };
    const outcome = await store.applySuggestedEdit(id, saved, edit.baseUpdatedAt, { by: agent.id, at: now });
    if (outcome !== 'applied') throw APPLY_REFUSAL[outcome];
    await library.changed(saved, saved.id);
    return this.detail({ ...edit, status: 'applied', decidedBy: agent.id, decidedAt: now }, saved);
  }

  async dismiss(agent: Agent, id: string): Promise<SuggestedEditDetail> {
    const { store, clock } = this.deps;
    const edit = await this.pending(agent, id, 'dismiss');
    const now = clock.now();
    if (!(await store.dismissSuggestedEdit(id, { by: agent.id, at: now }))) throw APPLY_REFUSAL.decided;
    return this.detail({ ...edit, status: 'dismissed', decidedBy: agent.id, decidedAt: now }, await store.getArticle(edit.articleId));
  }

  private async pending(agent: Agent, id: string, action: 'apply' | 'dismiss'): Promise<SuggestedEdit> {
    if (!isAdmin(agent)) throw new DomainError('forbidden', `Only admins ${action} suggested edits`);
    const edit = await this.deps.store.getSuggestedEdit(id);
    if (!edit) throw NO_SUGGESTION;
    if (edit.status !== 'pending') throw new DomainError('conflict', DECIDED[edit.status]);
    return edit;
  }

  private async names(edits: SuggestedEdit[]): Promise<Map<string, string>> {
    const ids = [...new Set(edits.flatMap((e) => [e.authorId, ...(e.decidedBy ? [e.decidedBy] : [])]))];
    // One read per person, all at once: a list of fifty suggestions by three agents reads three agents.
    const agents = await Promise.all(ids.map((id) => this.deps.store.getAgent(id)));
    return new Map(agents.flatMap((agent) => (agent ? [[agent.id, agent.name] as const] : [])));
  }

  private async detail(edit: SuggestedEdit, article: Article | null): Promise<SuggestedEditDetail> {
    return {
      ...summaryOf(edit, article, await this.names([edit])),
      baseUpdatedAt: edit.baseUpdatedAt,
      proposed: edit.proposed,
      current: article ? textOf(article) : null,
    };
  }
}

function summaryOf(edit: SuggestedEdit, article: Article | null, names: Map<string, string>): SuggestedEditSummary {
  const person = (id: string) => ({ id, name: names.get(id) ?? 'Former agent' });
  return {
    id: edit.id,
    articleId: edit.articleId,
    slug: article?.slug ?? edit.slug,
    locale: article?.locale ?? edit.locale,
    articleTitle: article?.title ?? edit.proposed.title,
    note: edit.note,
    status: edit.status,
    author: person(edit.authorId),
    createdAt: edit.createdAt,
    decidedBy: edit.decidedBy ? person(edit.decidedBy) : null,
    decidedAt: edit.decidedAt,
    outdated: outdated(edit, article),
  };
}
