// The tickets view's texts (@nanostores/i18n, both languages inside this lazily loaded module): the widget's
// language arrives through the bridge; a text with {placeholders} is a function of its values.
import { createI18n, params } from '@nanostores/i18n';
import { atom, type ReadableAtom } from 'nanostores';
import { ticketTexts } from './i18n/en';
import { ticketTextsZh } from './i18n/zh-CN';

export const $ticketsLocale = atom<'en' | 'zh-CN'>('en');

const i18n = createI18n($ticketsLocale, { baseLocale: 'en', cache: { 'zh-CN': ticketTextsZh } as never, get: () => Promise.resolve({}) });

type En = typeof ticketTexts;
type Values = Record<string, string | number>;
/** A part's texts: plain where English has no placeholder, a function of the values where it has. */
export type Worded<T> = { [K in keyof T]: T[K] extends `${string}{${string}` ? (values: Values) => string : string };

function part<P extends keyof En>(name: P): ReadableAtom<Worded<En[P]>> {
  const base = Object.fromEntries(Object.entries(ticketTexts[name]).map(([key, text]) => [key, text.includes('{') ? params(text) : text]));
  return i18n(name, base) as unknown as ReadableAtom<Worded<En[P]>>;
}

export const listText = part('list');
export const ticketText = part('ticket');
export const formText = part('form');
export const environmentText = part('environment');
export const emergencyText = part('emergency');
export const filesText = part('files');
export const errorsText = part('errors');

const ALL = [listText, ticketText, formText, environmentText, emergencyText, filesText, errorsText];

/** Follows the widget's language; every part stays mounted, so code outside components reads current texts too. */
export function followLocale(locale: () => string, onChange: (listener: () => void) => () => void): () => void {
  const apply = () => $ticketsLocale.set(locale().startsWith('zh') ? 'zh-CN' : 'en');
  apply();
  const stops = [onChange(apply), ...ALL.map((store) => store.listen(() => {}))];
  return () => {
    for (const stop of stops) stop();
  };
}

/** What to tell the visitor about a refusal: in English the server's own words, otherwise ours for its code. */
export function errorText(code: string | undefined, serverMessage: string): string {
  const texts = errorsText.get() as Record<string, string>;
  if ($ticketsLocale.get() === 'en') return serverMessage;
  return texts[code ?? ''] ?? texts.other!;
}
