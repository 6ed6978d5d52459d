// The panel shows once its words (i18n/) and its styles (panel-styles.js) are here: two small modules from the
// support server, loaded the first time the panel opens, or earlier when the launcher is hovered or focused.
import { atom, computed } from 'nanostores';
import { $textsReady, preloadTexts } from '../i18n/messages';
import { addStyles } from './shadow';

/** Where the panel's styles come from: the support server, set at start. */
export const panelStyles = { load: (): Promise<{ panelStyles: string }> => Promise.reject(new Error('the widget has not started')) };

const $stylesReady = atom(false);
let loading: Promise<void> | null = null;

export const $panelReady = computed([$textsReady, $stylesReady], (texts, styles) => texts && styles);

export function preparePanel(): void {
  preloadTexts();
  // A failed load is tried again at the next open.
  if (loading) return;
  loading = panelStyles.load().then(
    (module) => {
      addStyles(module.panelStyles);
      $stylesReady.set(true);
    },
    () => {
      loading = null;
    },
  );
}
