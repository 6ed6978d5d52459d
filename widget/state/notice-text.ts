// System messages in the widget's language: English is the server's `text`; another language loads the shared
// renderer on demand (notices.js), so its templates stay out of the start-up bundle. Until it arrives the
// English text shows.
import { atom } from 'nanostores';
import type { Notice } from '../../shared/notices/notice-schema';
import { loadNotices } from '../lazy';

type Render = (notice: Notice, locale: string) => string;

export const $renderNotice = atom<Render | null>(null);

/** Loads the renderer when `locale` is not English; a failed load leaves the English text. */
export function prepareNotices(server: string, locale: string): void {
  if (locale === 'en' || $renderNotice.get()) return;
  loadNotices(server).then((module) => $renderNotice.set(module.renderNotice), () => {});
}

/** A system message's words in `locale`. */
export function systemText(item: { text: string; notice?: Notice | null }, locale: string, render: Render | null): string {
  return item.notice && locale !== 'en' && render ? render(item.notice, locale) : item.text;
}
