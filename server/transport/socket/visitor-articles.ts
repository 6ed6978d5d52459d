// The widget's help-article events: search as the user types, home-screen suggestions, one article, and the
// answer to "did this help?". Searches are limited per connection so a stuck key cannot load the server.
import { buildContext } from '../../domain/chats/conversation-context';
import { DomainError } from '../../domain/errors';
import type { SupportServices } from '../../domain/services';
import type { OnVisitorRequest } from './handler';
import type { VisitorSocket } from './types';

const DEFAULT_RESULTS = 5;
/** A burst of this many searches, refilled at this rate: far above typing speed with the widget's debounce. */
const SEARCH_BURST = 30;
const SEARCHES_PER_SECOND = 5;

/** A token bucket: `take()` is false once the burst is spent faster than it refills. */
export function searchAllowance(now: () => number = Date.now): { take(): boolean } {
  let tokens = SEARCH_BURST;
  let at = now();
  return {
    take() {
      const t = now();
      tokens = Math.min(SEARCH_BURST, tokens + ((t - at) / 1000) * SEARCHES_PER_SECOND);
      at = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

export function listenForArticles(on: OnVisitorRequest, socket: VisitorSocket, services: SupportServices): void {
  const { library, feedback } = services.articles;
  const { user, organisation } = socket.data;
  const allowance = searchAllowance();
  const limited = () => {
    if (!allowance.take()) throw new DomainError('rate_limited', 'Too many searches; slow down a little');
  };

  on('articles:search', async ({ query, locale, limit }) => {
    limited();
    return library.search(query, locale, limit ?? DEFAULT_RESULTS, { source: 'widget', id: user.id });
  });

  on('articles:suggest', async ({ locale, context, limit }) => {
    limited();
    // What the server knows for sure (a verified role) outranks what the page reports.
    const { organisation: _name, ...known } = buildContext(organisation, user, context);
    return library.suggest(known, locale, limit ?? DEFAULT_RESULTS);
  });

  on('article:get', async ({ slug, locale }) => {
    limited();
    return library.page(slug, locale);
  });

  on('article:feedback', async (input) => {
    return feedback.answer(user, input);
  });
}
