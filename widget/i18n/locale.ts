// Which language the widget speaks: init({ locale }), else the script tag's data-locale, else the host page's
// <html lang>, else the browser's languages; English when none of them is one we speak. setLocale() switches live.
import { atom } from 'nanostores';

export type WidgetLocale = 'en' | 'zh-CN';

/** The language we speak for a BCP 47 tag (any zh-* reads Chinese, any en-* English), or null. */
export function supportedLocale(tag: unknown): WidgetLocale | null {
  const language = typeof tag === 'string' && /^\s*(zh|en)(?:[-_]|\s*$)/i.exec(tag)?.[1]?.toLowerCase();
  return language ? (language === 'zh' ? 'zh-CN' : 'en') : null;
}

/**
 * What this page offers, in order of precedence; the first we speak wins, so a page in French with a Chinese
 * browser gets Chinese.
 */
export function pageLocale(...chosen: unknown[]): WidgetLocale {
  const candidates = [...chosen, document.documentElement.lang, ...(navigator.languages ?? []), navigator.language];
  for (const candidate of candidates) {
    const locale = supportedLocale(candidate);
    if (locale) return locale;
  }
  return 'en';
}

export const $locale = atom<WidgetLocale>('en');
