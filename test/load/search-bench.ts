// `npm run bench:search`: builds the article index over 10,000 synthetic articles, half Chinese and half English
// (made from the starter articles' sentences plus rare words), then times a mix of realistic queries.
import { ArticleIndex, type SearchableArticle } from '../../server/domain/articles/article-index';
import { readStarterArticles } from '../../server/starter-articles';
import type { ArticleLocale } from '../../shared/articles';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 4_000);
const WARM_UP = 300;
const TARGET_P95_MS = 20;

/** Deterministic, so every run searches the same corpus with the same queries. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const rand = random(20_240_601);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const between = (low: number, high: number): number => low + Math.floor(rand() * (high - low + 1));

const starters = readStarterArticles();
const sentencesOf = (locale: ArticleLocale): string[] =>
  starters
    .filter((a) => a.locale === locale)
    .flatMap((a) => a.body.split(/(?<=[.!?。！？])\s*|\n+/))
    .map((s) => s.replace(/[#*|]/g, '').trim())
    .filter((s) => s.length > 8);
const SENTENCES: Record<ArticleLocale, string[]> = { en: sentencesOf('en'), 'zh-CN': sentencesOf('zh-CN') };
const TITLES: Record<ArticleLocale, string[]> = {
  en: starters.filter((a) => a.locale === 'en').map((a) => a.title),
  'zh-CN': starters.filter((a) => a.locale === 'zh-CN').map((a) => a.title),
};
const TAGS = [...new Set(starters.flatMap((a) => a.tags))];

// Rare words give the corpus a realistic long tail: product names, error codes, device models, places.
const SYLLABLES = ['ka', 'lo', 'mi', 'ter', 'vox', 'nu', 'sen', 'dra', 'pel', 'qui', 'zor', 'ban', 'tek', 'lum', 'ris', 'gal'];
const HAN = '云课堂直播网络设备耳机麦克风摄像头屏幕共享教室学生老师浏览器连接声音视频画面系统权限设置检查问题';
const rareEnglish = Array.from({ length: 20_000 }, () => Array.from({ length: between(2, 4) }, () => pick(SYLLABLES)).join('') + between(1, 999));
const rareChinese = Array.from({ length: 8_000 }, () => Array.from({ length: between(2, 4) }, () => pick([...HAN])).join(''));

function syntheticArticle(i: number): SearchableArticle {
  const locale: ArticleLocale = i % 2 ? 'zh-CN' : 'en';
  const rare = locale === 'en' ? rareEnglish : rareChinese;
  const join = locale === 'en' ? ' ' : '';
  const body = Array.from({ length: between(12, 40) }, () =>
    rand() < 0.2 ? `${pick(SENTENCES[locale])}${join}${pick(rare)}` : pick(SENTENCES[locale]),
  ).join('\n\n');
  return {
    id: `a${i}`,
    slug: `article-${Math.floor(i / 2)}`,
    locale,
    title: `${pick(TITLES[locale])}${join}${pick(rare)}`,
    summary: pick(SENTENCES[locale]),
    tags: [pick(TAGS), pick(TAGS)],
    body,
    updatedAt: i,
  };
}

const FIXED_QUERIES: [string, ArticleLocale][] = [
  ['老师听不到我的声音', 'zh-CN'],
  ['I cannot hear the teacher', 'en'],
  ['microphne not working', 'en'],
  ['screen shar', 'en'],
  ['摄像头打不开', 'zh-CN'],
  ['网很卡怎么办', 'zh-CN'],
  ['在微信里打不开', 'zh-CN'],
  ['conection keeps dropping', 'en'],
  ['echo', 'en'],
  ['c', 'en'],
  ['how do i share my screen with sound', 'en'],
  ['声音断断续续 画面卡住', 'zh-CN'],
];

function randomQuery(): [string, ArticleLocale] {
  const roll = rand();
  if (roll < 0.3) return pick(FIXED_QUERIES);
  const locale: ArticleLocale = rand() < 0.5 ? 'en' : 'zh-CN';
  const sentence = pick(SENTENCES[locale]);
  if (locale === 'zh-CN') {
    const start = between(0, Math.max(0, sentence.length - 8));
    return [sentence.slice(start, start + between(2, 8)), locale];
  }
  const words = sentence.split(/\s+/);
  const start = between(0, Math.max(0, words.length - 3));
  let query = words.slice(start, start + between(1, 4)).join(' ');
  if (roll < 0.55)
    query = query.slice(0, Math.max(1, query.length - between(1, 3))); // still typing
  else if (roll < 0.7 && query.length > 5) {
    const at = between(1, query.length - 2); // one typo
    query = query.slice(0, at) + query[at + 1] + query[at] + query.slice(at + 2);
  }
  return [query, locale];
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (value: number): string => `${value.toFixed(2)} ms`;

/** Run with --expose-gc (the npm script does) for an honest heap figure. */
const collect = (): void => (globalThis as { gc?: () => void }).gc?.();

const corpus = Array.from({ length: ARTICLES }, (_, i) => syntheticArticle(i));
collect();
const heapBefore = process.memoryUsage().heapUsed;
let started = performance.now();
const index = ArticleIndex.build(corpus);
const buildMs = performance.now() - started;
const indexed = index.size;
collect();
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;

const queries = Array.from({ length: WARM_UP + QUERIES }, randomQuery);
const latencies: number[] = [];
let found = 0;
queries.forEach(([query, locale], i) => {
  const t = performance.now();
  const hits = index.search(query, { locale, limit: 5 });
  const elapsed = performance.now() - t;
  if (i >= WARM_UP) {
    latencies.push(elapsed);
    if (hits.length) found++;
  }
});
latencies.sort((a, b) => a - b);

started = performance.now();
for (let i = 0; i < 100; i++) index.upsert(syntheticArticle(ARTICLES + i));
const upsertMs = (performance.now() - started) / 100;

const p95 = percentile(latencies, 95);
console.log(`articles: ${indexed} (${ARTICLES / 2} zh-CN, ${ARTICLES / 2} en), vocabulary ${index.vocabularySize} terms`);
console.log(`index build: ${(buildMs / 1000).toFixed(2)} s, ~${heapMb.toFixed(0)} MB heap; one article added or edited: ${ms(upsertMs)}`);
console.log(`queries: ${QUERIES} (zh and en, typos, half-typed words), ${((found / QUERIES) * 100).toFixed(0)}% with results`);
console.log(`latency: p50 ${ms(percentile(latencies, 50))}, p95 ${ms(p95)}, p99 ${ms(percentile(latencies, 99))}, max ${ms(latencies.at(-1)!)}`);
console.log(`target: p95 < ${TARGET_P95_MS} ms — ${p95 < TARGET_P95_MS ? 'met' : 'MISSED'}`);
if (p95 >= TARGET_P95_MS) process.exitCode = 1;
