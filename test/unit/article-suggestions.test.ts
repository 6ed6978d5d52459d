// The home screen's suggestions follow the classroom's situation; the starter articles are complete and linked.
import { describe, expect, it } from 'vitest';
import { ArticleIndex } from '../../server/domain/articles/article-index';
import { situationTags, suggestArticles } from '../../server/domain/articles/article-suggestions';
import { readStarterArticles } from '../../server/starter-articles';

const starters = readStarterArticles();
const index = ArticleIndex.build(starters.map((a) => ({ ...a, id: `${a.slug}.${a.locale}`, updatedAt: 0 })));
const suggest = (context: Parameters<typeof situationTags>[0], locale: 'en' | 'zh-CN' = 'en') =>
  suggestArticles(index.articles(), situationTags(context), locale, 5);

describe('suggestions for the situation', () => {
  it('puts the weak-network article first when the host reports poor network quality', () => {
    for (const network of [{ rttMs: 450 }, { packetLossPct: 8 }, { jitterMs: 90 }]) {
      expect(suggest({ network })[0]?.slug).toBe('weak-network');
    }
    expect(suggest({ network: { rttMs: 450 } }, 'zh-CN')[0]).toMatchObject({ slug: 'weak-network', locale: 'zh-CN' });
  });

  it("shows the featured articles on a good network, each once, in the reader's locale", () => {
    const shown = suggest({ network: { rttMs: 40, packetLossPct: 0, jitterMs: 5 } }, 'zh-CN');
    expect(shown).toHaveLength(5);
    expect(shown.every((a) => a.locale === 'zh-CN' && a.tags.includes('featured'))).toBe(true);
    expect(new Set(shown.map((a) => a.slug)).size).toBe(5);
  });

  it('puts the articles that helped most people first among equals', () => {
    const tags = situationTags({});
    const plain = suggestArticles(index.articles(), tags, 'en', 5).map((a) => a.slug);
    const last = plain.at(-1)!;
    const ordered = suggestArticles(index.articles(), tags, 'en', 5, new Map([[last, 7]])).map((a) => a.slug);
    expect(ordered[0]).toBe(last);
  });

  it('offers screen sharing to teachers and the browser list to outdated browsers', () => {
    expect(suggest({ role: 'teacher' })[0]?.slug).toBe('screen-sharing');
    expect(suggest({ browser: 'Chrome 88' })[0]?.slug).toBe('supported-browsers-and-devices');
    expect(suggest({ browser: 'Chrome 120' })[0]?.tags).toContain('featured');
  });
});

describe('the starter articles', () => {
  const slugs = [...new Set(starters.map((a) => a.slug))];

  it('are at least twelve, each in Chinese and English', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(12);
    for (const slug of slugs) {
      expect(
        starters
          .filter((a) => a.slug === slug)
          .map((a) => a.locale)
          .sort(),
      ).toEqual(['en', 'zh-CN']);
    }
  });

  it('link only to articles that exist', () => {
    for (const article of starters) {
      for (const [, target] of article.body.matchAll(/\(article:([a-z0-9-]+)\)/g))
        expect(slugs, `${article.slug}.${article.locale}`).toContain(target);
    }
  });

  it('have a summary, and the Chinese ones are written in Chinese', () => {
    for (const article of starters) {
      expect(article.summary.length, article.slug).toBeGreaterThan(40);
      if (article.locale === 'zh-CN') expect(article.title).toMatch(/\p{Script=Han}/u);
    }
  });
});
