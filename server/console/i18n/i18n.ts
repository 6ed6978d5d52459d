// The console's i18n (@nanostores/i18n, as the widget): English is written beside the code (en.ts), Chinese is a
// dictionary of the same shape (zh-CN.ts, a type and a unit test keep both complete). Texts with {placeholders}
// become functions of their values through `params`.
import { createI18n, params } from '@nanostores/i18n';
import type { ReadableAtom } from 'nanostores';
import { EN, type Dictionary } from './en';
import { $locale } from './locale';

export const i18n = createI18n($locale, {
  baseLocale: 'en',
  // The console has no start-up budget: both languages ship in its bundle, and switching is instant.
  get: async (code) => (code === 'zh-CN' ? ((await import('./zh-CN')).ZH_CN as never) : {}),
});

type Values = Record<string, string | number>;
/** A text as components read it: plain, or a function of its placeholders' values. */
type Texts<T> = { [K in keyof T]: T[K] extends `${string}{${string}}${string}` ? (values: Values) => string : string };

/** The texts of one part of the console, in the current language. */
export function texts<P extends keyof Dictionary>(part: P): ReadableAtom<Texts<(typeof EN)[P]>> {
  const base = Object.fromEntries(
    Object.entries(EN[part]).map(([key, text]) => [key, (text as string).includes('{') ? params(text as string) : text]),
  );
  return i18n(part, base as never) as unknown as ReadableAtom<Texts<(typeof EN)[P]>>;
}
