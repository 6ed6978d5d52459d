// Which searches found nothing: half-typed searches fold into the one the person settled on.
import { describe, expect, it } from 'vitest';
import { countMisses, settledMisses } from '../../server/domain/articles/article-insights';
import type { SearchMissRecord } from '../../server/domain/articles/article-store';

let n = 0;
const miss = (searcherId: string, query: string, createdAt: number, over: Partial<SearchMissRecord> = {}): SearchMissRecord => ({
  id: `m${++n}`,
  source: 'widget',
  searcherId,
  query,
  locale: 'en',
  createdAt,
  ...over,
});

describe('search misses', () => {
  it('keeps only the last of a run typed by one person', () => {
    const records = [miss('u1', 'proj', 0), miss('u1', 'projector', 400), miss('u1', 'projector remote', 900)];
    expect(settledMisses(records).map((r) => r.query)).toEqual(['projector remote']);
  });

  it('folds searches made within the same millisecond, whatever order they are listed in', () => {
    const records = [miss('u1', 'hologram projector', 5), miss('u1', 'hologram', 5), miss('u1', 'hol', 5)];
    expect(settledMisses(records).map((r) => r.query)).toEqual(['hologram projector']);
  });

  it('folds a search into a longer one that came after another search in between', () => {
    // As in the console: the longer search and an unrelated one land in the same millisecond.
    const records = [miss('u1', 'hologram', 5), miss('u1', 'hologram projector', 6), miss('u1', 'smartboard pen', 6)];
    expect(
      settledMisses(records)
        .map((r) => r.query)
        .sort(),
    ).toEqual(['hologram projector', 'smartboard pen']);
  });

  it('keeps separate searches apart: another person, a new question, or a long pause', () => {
    const records = [
      miss('u1', 'projector', 0),
      miss('u2', 'projector remote', 100),
      miss('u1', 'whiteboard', 200),
      miss('u3', 'hdmi', 0),
      miss('u3', 'hdmi adapter', 5 * 60_000),
    ];
    expect(
      settledMisses(records)
        .map((r) => r.query)
        .sort(),
    ).toEqual(['hdmi', 'hdmi adapter', 'projector', 'projector remote', 'whiteboard']);
  });

  it('counts the settled misses per query, most frequent first', () => {
    const counted = countMisses([
      miss('a', 'hdmi', 10),
      miss('b', 'hdmi', 30),
      miss('c', 'projector', 20),
      miss('d', 'hdmi', 20, { locale: 'zh-CN' }),
    ]);
    expect(counted).toEqual([
      { query: 'hdmi', locale: 'en', source: 'widget', count: 2, lastAt: 30 },
      { query: 'projector', locale: 'en', source: 'widget', count: 1, lastAt: 20 },
      { query: 'hdmi', locale: 'zh-CN', source: 'widget', count: 1, lastAt: 20 },
    ]);
  });
});
