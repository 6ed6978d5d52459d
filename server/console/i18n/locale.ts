// The console's language: the one the agent saved with their account, else the browser's (en or zh-CN).
import { browser, localeFrom } from '@nanostores/i18n';
import { atom } from 'nanostores';
import { CONSOLE_LOCALES, type ConsoleLocale } from '../../../shared/account-model';

/** What the agent chose (from sign-in or /me, or the switch); undefined: nothing saved yet. */
export const $chosenLocale = atom<ConsoleLocale | undefined>(undefined);

export const $locale = localeFrom(
  $chosenLocale,
  browser({ available: CONSOLE_LOCALES, fallback: 'en' }),
) as unknown as import('nanostores').ReadableAtom<ConsoleLocale>;

export const LANGUAGE_NAME: Record<ConsoleLocale, string> = { en: 'English', 'zh-CN': '中文' };
