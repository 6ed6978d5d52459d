// Loads the parts of the widget a visitor may never need (the article reader, the tickets view, the
// panel's words in each language) from the support
// server, once each: ES modules built next to widget.js (see vite.article-view.config.ts), fetched with import().
import type * as ArticleView from './help/article-view';
import type { Texts } from './i18n/i18n';
import type * as TicketsView from './tickets/tickets-view';
import type * as Notices from './notices';
import type * as Quality from './quality/quality-view';
import type * as Satisfaction from './satisfaction/satisfaction-view';
import { WIDGET_VERSION } from './version';

const modules = new Map<string, Promise<unknown>>();

/** A lazily loaded widget module; a failed load is forgotten so the next attempt tries again. */
function loadWidgetModule<T>(server: string, file: string): Promise<T> {
  let loading = modules.get(file) as Promise<T> | undefined;
  if (!loading) {
    loading = (import(/* @vite-ignore */ /* webpackIgnore: true */ `${server}/widget/${file}?v=${WIDGET_VERSION}`) as Promise<T>).catch(
      (error: unknown) => {
        modules.delete(file);
        throw error;
      },
    );
    modules.set(file, loading);
  }
  return loading;
}

export const loadArticleView = (server: string) => loadWidgetModule<typeof ArticleView>(server, 'article-view.js');
/** A language's panel texts (i18n-en.js, i18n-zh-CN.js). */
export const loadDictionary = (server: string, locale: string) => loadWidgetModule<{ texts: Texts }>(server, `i18n-${locale}.js`);
export const loadPanelStyles = (server: string) => loadWidgetModule<{ panelStyles: string }>(server, 'panel-styles.js');
export const loadTicketsView = (server: string) => loadWidgetModule<typeof TicketsView>(server, 'tickets-view.js');
export const loadNotices = (server: string) => loadWidgetModule<typeof Notices>(server, 'notices.js');
export const loadSatisfaction = (server: string) => loadWidgetModule<typeof Satisfaction>(server, 'satisfaction.js');
export const loadQuality = (server: string) => loadWidgetModule<typeof Quality>(server, 'quality.js');
