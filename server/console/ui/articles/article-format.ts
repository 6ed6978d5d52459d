// Wording for help articles in the console, in the agent's language: languages and statuses.
import type { ArticleLocale, ArticleStatus } from '../../../../shared/articles';
import { texts } from '../../i18n/i18n';
import { $locale } from '../../i18n/locale';

const articleText = texts('articles');

/** The language an article is written in, named in the console's language. */
export const localeLabel = (locale: ArticleLocale): string => (locale === 'en' ? articleText.get().localeEn : articleText.get().localeZh);

export const articleStatusLabel = (status: ArticleStatus): string => {
  const t = articleText.get();
  return { draft: t.statusDraft, suggested: t.statusSuggested, published: t.statusPublished }[status];
};

/** Tags with a meaning to the widget (data, the same in every language): on its home screen, and by situation. */
export const FEATURED_TAG = 'featured';
const SITUATION_TAGS = ['weak-network', 'teacher', 'browsers'];

/** The situation tags as a list in the console's language ("a, b and c" / 「a、b和c」), each tag marked as such. */
export const situationTagParts = (): { tag: boolean; text: string }[] =>
  new Intl.ListFormat($locale.get(), { type: 'conjunction' })
    .formatToParts(SITUATION_TAGS)
    .map((part) => ({ tag: part.type === 'element', text: part.value }));

export const ARTICLE_STATUS_TAG: Record<ArticleStatus, string> = { draft: 'tag', suggested: 'tag tag--warn', published: 'tag tag--ok' };
