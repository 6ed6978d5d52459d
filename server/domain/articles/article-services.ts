// Wires the help-article services together and attaches "I still need help" answers to chats as they start.
import { createMarkdownRenderer, imageOriginsOf } from './article-markdown';
import { ArticleEditing } from './article-editing';
import { ArticleFeedbackService } from './article-feedback';
import { ArticleInsightsService } from './article-insights';
import { ArticleLibrary } from './article-library';
import { SuggestedEdits } from './suggested-edits';
import type { DomainEvent, DomainEvents } from '../events';
import type { Clock, Store } from '../ports';

export interface ArticleServices {
  library: ArticleLibrary;
  editing: ArticleEditing;
  feedback: ArticleFeedbackService;
  insights: ArticleInsightsService;
  suggestedEdits: SuggestedEdits;
  /** The origins article images may come from (the console's CSP allows exactly these too). */
  imageOrigins: readonly string[];
}

export interface ArticleServiceOptions {
  store: Store;
  clock: Clock;
  newId: () => string;
  events: DomainEvents;
  /** Origins images in articles may be loaded from. */
  imageOrigins: readonly string[];
  onListenerError: (error: unknown, event: DomainEvent) => void;
}

export function createArticleServices({ store, clock, newId, events, imageOrigins, onListenerError }: ArticleServiceOptions): ArticleServices {
  const origins = imageOriginsOf(imageOrigins);
  const library = new ArticleLibrary({ store, clock, newId, render: createMarkdownRenderer({ imageOrigins: origins }) });
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
    suggestedEdits: new SuggestedEdits({ store, clock, newId, library }),
    imageOrigins: origins,
  };
}
