// The panel's message stores, one per part, read by components with useStore(); and the launcher's few words,
// which are in the start-up bundle in both languages because the launcher shows before anything loads.
import { params } from '@nanostores/i18n';
import { computed, type ReadableAtom } from 'nanostores';
import { i18n, type Texts } from './i18n';
import type { WidgetLocale } from './locale';

export const launcherTexts = {
  en: { open: 'Open support chat', openUnread: 'Open support chat, {count} unread', close: 'Close support chat' },
  'zh-CN': { open: '打开客服聊天', openUnread: '打开客服聊天，{count} 条未读', close: '关闭客服聊天' },
} satisfies Record<WidgetLocale, Record<string, string>>;

/** A part's texts as `Texts` types them, where the keys given here take parameters. */
function part<N extends keyof Texts, P extends Record<string, unknown> = Record<never, never>>(name: N, withParams = {} as P) {
  return i18n(name, withParams as never) as unknown as ReadableAtom<Omit<Texts[N], keyof P> & P>;
}

export const panelText = part('panel', { typing: params<{ name: string }>(''), agentAway: params<{ name: string }>('') });
export const statusText = part('status', {
  waitingAt: params<{ position: number }>(''),
  chatting: params<{ name: string }>(''),
});
export const chatText = part('chat');
export const helpText = part('help', { attached: params<{ titles: string }>('') });
export const errorsText = part('errors');
/** For the connection notice and the rating card (lazily loaded modules): watching one loads the language's texts. */
export const qualityText = part('quality');
export const ratingText = part('rating', { ticket: params<{ number: string }>(''), score: params<{ score: number }>('') });
/** Outside the plan's business hours; `when` from `opensAtText`. */
export const hoursText = part('hours', { closed: params<{ when: string }>('') });
export type QualityTexts = Texts['quality'];
/** For the incident notice (quality.js). */
export const incidentText = part('incident', { number: params<{ number: string }>(''), update: params<{ text: string }>('') });
export type IncidentTexts = Omit<Texts['incident'], 'number' | 'update'> & {
  number(values: { number: string }): string;
  update(values: { text: string }): string;
};
export type RatingTexts = Omit<Texts['rating'], 'ticket' | 'score'> & {
  ticket(values: { number: string }): string;
  score(values: { score: number }): string;
};

/**
 * True once the current language's texts (or, during a switch, the previous one's) are here. Watching it loads
 * them: the panel waits for it, and the launcher starts it on hover or focus to win a little time.
 */
export const $textsReady = computed([panelText, statusText, chatText, helpText, errorsText], (...parts) =>
  // Before a module arrives a part holds only its parameter functions; every module brings strings.
  parts.every((texts) => Object.values(texts).some((text) => typeof text === 'string')),
);

let preloading = false;
export function preloadTexts(): void {
  if (preloading) return;
  preloading = true;
  $textsReady.listen(() => {});
}

export type ErrorTexts = Texts['errors'];

/**
 * What to tell the visitor about a refusal: in English the server's own words (they are English and exact),
 * in another language ours for the error's code.
 */
export function errorText(texts: ErrorTexts, locale: WidgetLocale, code?: string, serverMessage?: string): string {
  if (locale === 'en' && serverMessage) return serverMessage;
  return (texts as Record<string, string>)[code ?? ''] ?? texts.other;
}
