// The console's language: taken from the account at sign-in, switched in the top bar and saved with the account
// (so it follows the agent to another browser); the document's lang and title follow it.
import { atom } from 'nanostores';
import type { ConsoleLocale } from '../../../shared/account-model';
import { accountApi } from '../account-api';
import { $chosenLocale, $locale } from '../i18n/locale';

/** Why the last switch could not be saved (the console still shows the chosen language). */
export const $languageError = atom<string | null>(null);

/** The language saved with the account, as sign-in or /me reported it (null: none yet, the browser's counts). */
export function useAccountLocale(locale: ConsoleLocale | null | undefined): void {
  if (locale) $chosenLocale.set(locale);
}

export async function chooseLanguage(locale: ConsoleLocale): Promise<void> {
  $chosenLocale.set(locale);
  $languageError.set(null);
  const result = await accountApi.setLocale(locale);
  if (!result.ok) $languageError.set(result.error.message);
}

$locale.subscribe((locale) => {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
});
