// What readers answered under an article: "This helped" (a deflected chat when none was open) or "I still need
// help", which attaches the article to their chat — the open one now, or the one they start next.
import type { ArticleFeedbackAck, TriedArticle } from '../../../shared/articles';
import { DomainError } from '../errors';
import type { DomainEvents } from '../events';
import type { Clock, Store } from '../ports';
import type { Conversation, EndUser } from '../records';

/** "I still need help" given this long before a chat starts still belongs to it. */
export const ATTACH_WINDOW_MS = 30 * 60_000;

export interface FeedbackDeps {
  store: Store;
  clock: Clock;
  newId: () => string;
  events: DomainEvents;
}

export interface FeedbackInput {
  clientId: string;
  articleId: string;
  helpful: boolean;
}

export class ArticleFeedbackService {
  constructor(private readonly deps: FeedbackDeps) {}

  async answer(user: EndUser, input: FeedbackInput): Promise<ArticleFeedbackAck> {
    const { store, clock } = this.deps;
    const article = await store.getArticle(input.articleId);
    if (article?.status !== 'published') throw new DomainError('not_found', 'No such article');
    const open = await store.findOpenConversation(user.id);
    const outcome = input.helpful ? (open ? 'helpful' : 'deflected') : 'escalated';
    const conversationId = outcome === 'escalated' && open ? open.id : null;
    const { feedback, created } = await store.recordArticleFeedback({
      id: this.deps.newId(),
      clientId: input.clientId,
      articleId: article.id,
      endUserId: user.id,
      organisationId: user.organisationId,
      outcome,
      conversationId,
      createdAt: clock.now(),
    });
    if (created && open && conversationId) await this.announce(open);
    return { outcome: feedback.outcome, conversationId: feedback.conversationId };
  }

  /** A chat just started: the articles its user still needed help with come along. */
  async attachPending(conversation: Conversation): Promise<void> {
    const since = this.deps.clock.now() - ATTACH_WINDOW_MS;
    const attached = await this.deps.store.attachEscalations(conversation.endUserId, conversation.id, since);
    if (attached.length) await this.announce(conversation);
  }

  async tried(conversationId: string): Promise<TriedArticle[]> {
    const { store } = this.deps;
    const tried: TriedArticle[] = [];
    for (const feedback of await store.listConversationFeedback(conversationId)) {
      const article = await store.getArticle(feedback.articleId);
      if (!article || tried.some((t) => t.articleId === article.id)) continue;
      tried.push({ articleId: article.id, slug: article.slug, locale: article.locale, title: article.title, at: feedback.createdAt });
    }
    return tried;
  }

  private async announce(conversation: Conversation): Promise<void> {
    this.deps.events.emit({ type: 'conversation.articles_attached', conversation, articles: await this.tried(conversation.id) });
  }
}
