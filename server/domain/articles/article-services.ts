// Wires the help-article services together and attaches "I still need help" answers to chats as they start.
import type { RenderMarkdown } from './article-markdown';
import { ArticleEditing } from './article-editing';
import { ArticleFeedbackService } from './article-feedback';
import { ArticleInsightsService } from './article-insights';
import { ArticleLibrary } from './article-library';
import type { DomainEvent, DomainEvents } from '../events';
import type { Clock, Store } from '../ports';

export interface ArticleServices {
  library: ArticleLibrary;
  editing: ArticleEditing;
  feedback: ArticleFeedbackService;
  insights: ArticleInsightsService;
}

export interface ArticleServiceOptions {
  store: Store;
  clock: Clock;
  newId: () => string;
  events: DomainEvents;
  render: RenderMarkdown;
  onListenerError: (error: unknown, event: DomainEvent) => void;
}

export function createArticleServices({ store, clock, newId, events, render, onListenerError }: ArticleServiceOptions): ArticleServices {
  const library = new ArticleLibrary({ store, clock, newId, render });
  const feedback = new ArticleFeedbackService({ store, clock, newId, events });
  events.on((event) => {
    if (event.type !== 'conversation.queued') return;
    feedback.attachPending(event.conversation).catch((error: unknown) => onListenerError(error, event));
  });
  return {
    library,
    editing: new ArticleEditing({ store, clock, newId, library }),
    feedback,
    insights: new ArticleInsightsService({ store, clock }),
  };
}
