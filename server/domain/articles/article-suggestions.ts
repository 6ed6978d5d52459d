// Which articles the widget's home screen offers first, read from the classroom's situation: a weak network,
// a teacher (who presents), an outdated browser. Rules name tags, so admins steer them by tagging articles.
import type { ArticleLocale } from '../../../shared/articles';
import type { ClientContext } from '../../../shared/schemas';
import type { IndexedArticle } from './article-index';

/** Past any of these the class is on a weak network (the thresholds the weak-network article explains). */
export const WEAK_NETWORK = { rttMs: 300, packetLossPct: 3, jitterMs: 50 } as const;

/** Oldest browser versions the supported-browsers article promises. */
const MINIMUM_BROWSER: Record<string, number> = { Chrome: 100, Edge: 100, Firefox: 100, Safari: 15 };

/** Articles tagged this way make the home screen when nothing more specific applies. */
export const FEATURED_TAG = 'featured';

export function isWeakNetwork(network: ClientContext['network']): boolean {
  if (!network) return false;
  return (
    (network.rttMs ?? 0) >= WEAK_NETWORK.rttMs ||
    (network.packetLossPct ?? 0) >= WEAK_NETWORK.packetLossPct ||
    (network.jitterMs ?? 0) >= WEAK_NETWORK.jitterMs
  );
}

function outdatedBrowser(browser: string | undefined): boolean {
  const match = /^(\w+) (\d+)/.exec(browser ?? '');
  if (!match) return false;
  const minimum = MINIMUM_BROWSER[match[1]!];
  return minimum !== undefined && Number(match[2]) < minimum;
}

/** Tags to suggest from, most pressing first. */
export function situationTags(context: ClientContext): string[] {
  const tags: string[] = [];
  if (isWeakNetwork(context.network)) tags.push('weak-network', 'reconnect', 'video');
  if (outdatedBrowser(context.browser)) tags.push('browsers');
  if (context.role === 'teacher') tags.push('teacher');
  tags.push(FEATURED_TAG);
  return tags;
}

/**
 * Articles for these tags, in tag order, the reader's locale preferred; an article is offered once,
 * in one locale. Within a tag, articles that helped more people come first (`helped`, by slug), then by slug.
 */
export function suggestArticles(
  articles: IndexedArticle[],
  tags: string[],
  locale: ArticleLocale,
  limit: number,
  helped: ReadonlyMap<string, number> = new Map(),
): IndexedArticle[] {
  const bySlug = new Map<string, IndexedArticle>();
  for (const article of articles) {
    const held = bySlug.get(article.slug);
    if (!held || (held.locale !== locale && article.locale === locale)) bySlug.set(article.slug, article);
  }
  const candidates = [...bySlug.values()].sort(
    (a, b) => (helped.get(b.slug) ?? 0) - (helped.get(a.slug) ?? 0) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
  );
  const chosen: IndexedArticle[] = [];
  for (const tag of tags) {
    for (const article of candidates) {
      if (chosen.length >= limit) return chosen;
      if (article.tags.includes(tag) && !chosen.includes(article)) chosen.push(article);
    }
  }
  return chosen;
}
