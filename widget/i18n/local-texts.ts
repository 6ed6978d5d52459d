// For unit tests: the panel's texts from the modules in this folder instead of the support server, loaded and kept.
// Call it before faking timers.
import { dictionaries } from './i18n';
import { $locale, type WidgetLocale } from './locale';
import { panelText, preloadTexts } from './messages';

const local = (locale: WidgetLocale) => (locale === 'zh-CN' ? import('./zh-CN') : import('./en'));

export async function useLocalTexts(locale: WidgetLocale): Promise<void> {
  dictionaries.load = local;
  $locale.set(locale);
  preloadTexts();
  const title = (await local(locale)).texts.panel.title;
  for (let waited = 0; panelText.get().title !== title; waited += 5) {
    if (waited > 2_000) throw new Error(`the ${locale} texts did not load`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
