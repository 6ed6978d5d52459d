// Wording for help articles in the console.
import type { ArticleLocale, ArticleStatus } from '../../../../shared/articles';

export const LOCALE_LABEL: Record<ArticleLocale, string> = { 'zh-CN': '中文', en: 'English' };
export const ARTICLE_STATUS_LABEL: Record<ArticleStatus, string> = { draft: 'Draft', suggested: 'Suggested', published: 'Published' };
export const ARTICLE_STATUS_TAG: Record<ArticleStatus, string> = { draft: 'tag', suggested: 'tag tag--warn', published: 'tag tag--ok' };
