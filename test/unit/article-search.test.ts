// Search relevance over the starter articles as shipped, in Chinese and English, plus the index's mechanics.
import { describe, expect, it } from 'vitest';
import type { ArticleLocale } from '../../shared/articles';
import { ArticleIndex, type SearchableArticle } from '../../server/domain/articles/article-index';
import { analyse } from '../../server/domain/articles/article-text';
import { readStarterArticles } from '../../server/starter-articles';

const starters: SearchableArticle[] = readStarterArticles().map((a) => ({ ...a, id: `${a.slug}.${a.locale}`, updatedAt: 0 }));
const index = ArticleIndex.build(starters);
const first = (query: string, locale: ArticleLocale) => index.search(query, { locale, limit: 5 })[0];

describe('search relevance over the starter articles', () => {
  it('finds the microphone article for "老师听不到我的声音" (the teacher cannot hear me)', () => {
    expect(first('老师听不到我的声音', 'zh-CN')).toMatchObject({ slug: 'others-cant-hear-me', locale: 'zh-CN' });
  });

  it('finds the audio article for "I cannot hear the teacher", and the microphone one for the reverse', () => {
    expect(first('I cannot hear the teacher', 'en')).toMatchObject({ slug: 'cant-hear-others', locale: 'en' });
    expect(first('the teacher cannot hear me', 'en')?.slug).toBe('others-cant-hear-me');
    expect(first('我听不到老师的声音', 'zh-CN')?.slug).toBe('cant-hear-others');
  });

  it.each([
    ['摄像头打不开', 'camera-not-found'],
    ['网很卡', 'weak-network'],
    ['声音断断续续', 'weak-network'],
    ['别人听不见我说话', 'others-cant-hear-me'],
    ['在微信里打不开', 'cant-join-class'],
    ['屏幕共享黑屏', 'screen-sharing'],
    ['回音很大', 'echo-and-noise'],
    ['掉线了', 'reconnecting-after-a-drop'],
    ['怎么联系客服', 'contact-support'],
    ['工单进度', 'follow-a-ticket'],
    ['P1 是什么意思', 'priorities-p1-p4'],
  ])('Chinese: "%s" → %s', (query, slug) => {
    expect(first(query, 'zh-CN')).toMatchObject({ slug, locale: 'zh-CN' });
  });

  it.each([
    ['my camera is not found', 'camera-not-found'],
    ['screen sharing shows black', 'screen-sharing'],
    ['echo in class', 'echo-and-noise'],
    ['cannot join the class', 'cant-join-class'],
    ['wifi keeps breaking up', 'weak-network'],
    ['which browsers are supported', 'supported-browsers-and-devices'],
    ['reconnecting after my connection dropped', 'reconnecting-after-a-drop'],
    ['video is blurry and frozen', 'slow-or-frozen-video'],
    ['what does P2 mean', 'priorities-p1-p4'],
    ['follow my ticket', 'follow-a-ticket'],
  ])('English: "%s" → %s', (query, slug) => {
    expect(first(query, 'en')).toMatchObject({ slug, locale: 'en' });
  });
});

describe('typing and typos', () => {
  it.each([
    ['microphne not working', 'others-cant-hear-me'],
    ['techer cant hear me', 'others-cant-hear-me'],
    ['conection drops', 'reconnecting-after-a-drop'],
    ['scren sharing', 'screen-sharing'],
    ['camrea', 'camera-not-found'],
  ])('forgives one typo: "%s" → %s', (query, slug) => {
    expect(first(query, 'en')?.slug).toBe(slug);
  });

  it('matches the word still being typed as a prefix', () => {
    expect(first('microph', 'en')?.slug).toBe('others-cant-hear-me');
    expect(first('screen shar', 'en')?.slug).toBe('screen-sharing');
    expect(first('sharin', 'en')?.slug).toBe('screen-sharing');
  });

  it('finds nothing for words no article contains', () => {
    expect(index.search('quantum chromodynamics', { locale: 'en', limit: 5 })).toEqual([]);
    expect(index.search('   ', { locale: 'en', limit: 5 })).toEqual([]);
  });
});

describe('locales', () => {
  it("lists the reader's locale first, then the other, without repeating an article", () => {
    const hits = index.search('echo 回声', { locale: 'en', limit: 10 });
    const locales = hits.map((h) => h.locale);
    expect(locales.indexOf('zh-CN')).toBeGreaterThan(locales.lastIndexOf('en'));
    const shown = hits.map((h) => h.slug);
    expect(new Set(shown).size).toBe(shown.length);
  });

  it("falls back to the other locale when nothing matches in the reader's own", () => {
    // An English reader typing Chinese gets the Chinese article rather than nothing.
    expect(first('老师听不到我的声音', 'en')).toMatchObject({ slug: 'others-cant-hear-me', locale: 'zh-CN' });
    expect(first('hands-free mode', 'zh-CN')).toMatchObject({ slug: 'cant-hear-others', locale: 'en' });
  });
});

const article = (id: string, over: Partial<SearchableArticle> = {}): SearchableArticle => ({
  id,
  slug: id,
  locale: 'en',
  title: 'Untitled',
  summary: '',
  tags: [],
  body: 'Nothing to see here.',
  updatedAt: 0,
  ...over,
});

describe('ranking and upkeep', () => {
  it('weighs a word in the title above the same word in the body', () => {
    const small = ArticleIndex.build([
      article('in-body', { title: 'Getting started', body: 'Your headset may need charging before class. headset headset' }),
      article('in-title', { title: 'Headset problems', body: 'Charge it before class.' }),
    ]);
    expect(small.search('headset', { locale: 'en', limit: 5 }).map((h) => h.slug)).toEqual(['in-title', 'in-body']);
  });

  it('sees an edit, a new article and a removal at once', () => {
    const live = ArticleIndex.build([article('a', { title: 'Projector setup' })]);
    live.upsert(article('a', { title: 'Whiteboard setup' }));
    live.upsert(article('b', { title: 'Projector cables' }));
    expect(live.search('whiteboard', { locale: 'en', limit: 5 }).map((h) => h.slug)).toEqual(['a']);
    expect(live.search('projector', { locale: 'en', limit: 5 }).map((h) => h.slug)).toEqual(['b']);
    live.remove('b');
    expect(live.search('projector', { locale: 'en', limit: 5 })).toEqual([]);
    expect(live.size).toBe(1);
  });
});

describe('Chinese text analysis', () => {
  it('segments Chinese into words with Intl.Segmenter and keeps character pairs for recall', () => {
    const { words, bigrams } = analyse('老师听不到我的声音');
    expect(words).toEqual(['老师', '听', '不到', '声音']);
    expect(bigrams).toContain('·声音');
  });

  it('reduces English words to a shared stem', () => {
    expect(analyse('sharing shared share').words).toEqual(['shar', 'shar', 'shar']);
    expect(analyse("I can't hear").words).toEqual(['cant', 'hear']);
  });
});
