// Self-service before a chat: articles suggested for the situation, articles matching what the visitor types,
// the article being read, and the answer to "did this help?". The server searches; nothing is downloaded in bulk.
import { atom, computed } from 'nanostores';
import { articleLocaleFor, type ArticleHit, type ArticleLocale, type ArticlePage } from '../../shared/articles';
import { $locale } from '../i18n/locale';
import { newClientId } from '../uuid';
import { $conversation } from './conversation';
import { $hostContext, currentContext, setContextLocale } from './host-context';
import { $connection } from './session';
import { $draft, $open } from './ui';
import { request } from './wire';
import { prepareNotices } from './notice-text';

/** Wait this long after the last keystroke before searching. */
const TYPING_PAUSE_MS = 250;

export const help = { server: '', locale: 'en' as ArticleLocale };

export interface Reading {
  hit: Pick<ArticleHit, 'slug' | 'locale'>;
  page?: ArticlePage;
  /** What went wrong: the server's code and words, or ours ('offline', 'answerFailed'); worded by the reader. */
  error?: { code: string; message?: string };
  sending?: boolean;
}

export const $suggested = atom<ArticleHit[]>([]);
export const $matches = atom<ArticleHit[]>([]);
export const $reading = atom<Reading | null>(null);
/** Read, and still needed help: the server attaches these to the chat about to start. */
export const $attached = atom<ArticleHit[]>([]);
/** "This helped" ended the flow; the panel says so until the visitor types again. */
export const $helped = atom(false);

/** Help articles are offered until a chat is under way. */
export const $beforeChat = computed($conversation, (c) => !c || c.status === 'closed');
export const $homeArticles = computed([$beforeChat, $draft, $suggested, $helped], (before, draft, hits, helped) =>
  before && !draft.trim() && !helped ? hits : [],
);
export const $typedArticles = computed([$beforeChat, $draft, $matches], (before, draft, hits) => (before && draft.trim() ? hits : []));

/** Articles are offered in the widget's language, which setLocale() may change at any time. */
export function configureHelp(server: string): void {
  help.server = server.replace(/\/+$/, '');
  help.locale = articleLocaleFor($locale.get());
  prepareNotices(help.server, help.locale);
  setContextLocale(help.locale);
}
$locale.listen((locale) => {
  help.locale = articleLocaleFor(locale);
  // The next context sent (a new chat, a ticket) tells agents the language the user now reads.
  setContextLocale(help.locale);
  // System messages follow the widget's language (the renderer loads for Chinese).
  if (help.server) prepareNotices(help.server, help.locale);
  $suggested.set([]);
  $matches.set([]);
  refreshSuggested();
});

export const articleUrl = ({ slug, locale }: Reading['hit']): string => `${help.server}/help/${slug}?lang=${locale}`;

function refreshSuggested(): void {
  if (!$open.get() || $connection.get() !== 'online' || !$beforeChat.get()) return;
  request('articles:suggest', { locale: help.locale, context: currentContext(), limit: 4 }).then(
    (result) => result.ok && $suggested.set(result.data),
    () => {},
  );
}
$open.listen(refreshSuggested);
$connection.listen(refreshSuggested);
$hostContext.listen(refreshSuggested);

let pause: ReturnType<typeof setTimeout> | undefined;
let asked = 0;
$draft.listen((draft) => {
  clearTimeout(pause);
  const query = draft.trim();
  if (query) $helped.set(false);
  // Answers to older queries are dropped: only the latest keystrokes count.
  const mine = ++asked;
  if (query.length < 2 || !$beforeChat.get()) return $matches.set([]);
  pause = setTimeout(() => {
    request('articles:search', { query: query.slice(0, 200), locale: help.locale, limit: 3 }).then(
      (result) => mine === asked && result.ok && $matches.set(result.data),
      () => {},
    );
  }, TYPING_PAUSE_MS);
});

// A chat has started: what was read is attached on the server now. A chat has ended: offer articles again.
$beforeChat.listen((before) => (before ? refreshSuggested() : $attached.set([])));

export function openArticle(hit: Reading['hit']): void {
  $reading.set({ hit });
  const still = () => $reading.get()?.hit === hit;
  request('article:get', { slug: hit.slug, locale: hit.locale }).then(
    (result) => still() && $reading.set(result.ok ? { hit, page: result.data } : { hit, error: result.error }),
    () => still() && $reading.set({ hit, error: { code: 'offline' } }),
  );
}

export const closeArticle = (): void => $reading.set(null);

/** "This helped" ends the flow with no chat; "I still need help" goes straight on to the chat, never waiting. */
export function answerArticle(helpful: boolean): void {
  const reading = $reading.get();
  const page = reading?.page;
  if (!page || reading.sending) return;
  const sent = request('article:feedback', { clientId: newClientId(), articleId: page.id, helpful });
  if (!helpful) {
    sent.catch(() => {});
    $attached.set([...$attached.get().filter((a) => a.id !== page.id), page]);
    return closeArticle();
  }
  $reading.set({ ...reading, sending: true });
  sent
    .then((result) => {
      if (!result.ok) throw result.error;
      $draft.set('');
      $helped.set(true);
      closeArticle();
    })
    .catch(() => $reading.set({ ...reading, error: { code: 'answerFailed' } }));
}
