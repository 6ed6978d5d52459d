// The widget's i18n (@nanostores/i18n). Each language's panel texts are a module built beside widget.js
// (i18n-en.js, i18n-zh-CN.js) and loaded when the panel first needs them (lazy.ts), so the start-up bundle
// carries none of them: the base "locale" holds only which texts take parameters (messages.ts).
import { createI18n } from '@nanostores/i18n';
import type { texts } from './en';
import { $locale, type WidgetLocale } from './locale';

export type Texts = typeof texts;

/** Where a language's texts come from: the support server (set at start), or local modules in unit tests. */
export const dictionaries = {
  load: (_locale: WidgetLocale): Promise<{ texts: Texts }> => Promise.reject(new Error('the widget has not started')),
};

export const i18n = createI18n($locale, {
  // Not a language: the texts written in code are only the `params` markers, every word comes from a module.
  baseLocale: 'keys' as WidgetLocale,
  // One file holds every component of a language; a failed load is retried on the next language switch.
  get: (locale) =>
    dictionaries.load(locale).then(
      (module) => module.texts,
      () => ({}),
    ),
});
