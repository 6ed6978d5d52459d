// What self-service achieved, for admins: which articles ended chats before they started, and which searches
// found nothing (the articles still to write). Half-typed searches are folded into the search they grew into.
import type { ArticleDeflection, ArticleInsights, SearchMiss } from '../../../shared/articles';
import type { ArticleStore, SearchMissRecord } from './article-store';
import { DomainError } from '../errors';
import type { Clock } from '../ports';
import type { Agent } from '../records';

const DAY_MS = 24 * 60 * 60_000;
/** A miss followed this soon by a longer one from the same person was that search, still being typed. */
const TYPING_GAP_MS = 60_000;
const MISSES_READ = 20_000;
const MISSES_SHOWN = 50;

/** The misses people actually settled on: drops each one the same searcher kept typing past. */
export function settledMisses(records: SearchMissRecord[]): SearchMissRecord[] {
  const bySearcher = new Map<string, SearchMissRecord[]>();
  for (const record of records) {
    const list = bySearcher.get(record.searcherId) ?? [];
    list.push(record);
    bySearcher.set(record.searcherId, list);
  }
  const settled: SearchMissRecord[] = [];
  for (const list of bySearcher.values()) {
    // Searches within one millisecond have no order of their own: the shorter one counts as typed first.
    list.sort((a, b) => a.createdAt - b.createdAt || a.query.length - b.query.length);
    list.forEach((record, i) => {
      // Not only the very next search: another search may land in between (same millisecond, a second box).
      let keptTyping = false;
      for (let j = i + 1; j < list.length && list[j]!.createdAt - record.createdAt <= TYPING_GAP_MS && !keptTyping; j++) {
        const later = list[j]!.query;
        keptTyping = later.length > record.query.length && later.startsWith(record.query);
      }
      if (!keptTyping) settled.push(record);
    });
  }
  return settled;
}

export function countMisses(records: SearchMissRecord[]): SearchMiss[] {
  const counted = new Map<string, SearchMiss>();
  for (const record of settledMisses(records)) {
    const key = `${record.source}\u0000${record.locale}\u0000${record.query}`;
    const held = counted.get(key);
    if (held) {
      held.count++;
      held.lastAt = Math.max(held.lastAt, record.createdAt);
    } else {
      counted.set(key, { query: record.query, locale: record.locale, source: record.source, count: 1, lastAt: record.createdAt });
    }
  }
  return [...counted.values()].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt).slice(0, MISSES_SHOWN);
}

export class ArticleInsightsService {
  constructor(private readonly deps: { store: ArticleStore; clock: Clock }) {}

  async report(agent: Agent, days: number): Promise<ArticleInsights> {
    if (agent.role === 'agent') throw new DomainError('forbidden', 'Only supervisors and admins see article insights');
    const { store, clock } = this.deps;
    const since = clock.now() - days * DAY_MS;
    const [counts, misses] = await Promise.all([store.countArticleOutcomes(since), store.listSearchMisses(since, MISSES_READ)]);
    const byArticle = new Map<string, ArticleDeflection>();
    for (const { articleId, outcome, count } of counts) {
      let row = byArticle.get(articleId);
      if (!row) {
        const article = await store.getArticle(articleId);
        if (!article) continue;
        row = { articleId, slug: article.slug, locale: article.locale, title: article.title, deflected: 0, helpful: 0, escalated: 0 };
        byArticle.set(articleId, row);
      }
      row[outcome] += count;
    }
    const deflections = [...byArticle.values()].sort((a, b) => b.deflected - a.deflected || a.escalated - b.escalated);
    return { since, deflections, misses: countMisses(misses) };
  }
}
