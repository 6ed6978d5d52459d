// System messages in the widget's language: English is the server's `text`; another language loads the shared
// renderer on demand (notices.js), so its templates stay out of the start-up bundle. Until it arrives the
// English text shows.
import { atom } from 'nanostores';
import type { Notice } from '../../shared/notices/notice-schema';
import { loadNotices } from '../lazy';

type Render = (notice: Notice, locale: string) => string;

/** Wrapped in an object: hooks would take a bare function in a store for a lazy initial state and call it. */
export const $renderNotice = atom<{ render: Render } | null>(null);

/** Loads the renderer when `locale` is not English; a failed load leaves the English text. */
export function prepareNotices(server: string, locale: string): void {
  if (locale === 'en' || $renderNotice.get()) return;
  loadNotices(server).then(
    (module) => $renderNotice.set({ render: module.renderNotice }),
    () => {},
  );
}

/** A system message's words in `locale`. */
export function systemText(item: { text: string; notice?: Notice | null }, locale: string, renderer: { render: Render } | null): string {
  return item.notice && locale !== 'en' && renderer ? renderer.render(item.notice, locale) : item.text;
}
