// Turns article text and queries into search terms: English words lightly stemmed, Chinese segmented into words
// with Intl.Segmenter (ICU's dictionary) plus character bigrams, which catch words the dictionary splits differently.

/** Han, kana and Hangul: scripts written without spaces between words. */
const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const CJK = new RegExp(`[${CJK_CLASS}]`, 'u');
/** A letter or digit of a script written with spaces. */
const SPACED = `(?:(?![${CJK_CLASS}])[\\p{L}\\p{N}])`;
/** A run of CJK characters, or a word of other letters and digits ("2.0" and "v4.2" stay whole). */
const RUNS = new RegExp(`([${CJK_CLASS}]+)|(${SPACED}+(?:\\.${SPACED}+)*)`, 'gu');

/** Bigram terms live beside word terms in one index; the marker keeps "声音" the word apart from "声音" the pair. */
export const BIGRAM = '\u00b7';

const ENGLISH_STOPWORDS = new Set(
  (
    'a an the i to of in on at for is are am was were be been being it its and or but with by from as this that these ' +
    'those do does did so if then than there their they them he she we us our you your yours my mine can could should ' +
    'would will shall may might must have has had just also very really please what which who whom how when where why ' +
    'about into out up over again any all some such only own same too here get got'
  ).split(' '),
);

const CHINESE_STOPWORDS = new Set(
  (
    '的 了 我 你 您 他 她 它 我们 你们 他们 是 在 吗 呢 吧 啊 呀 哦 嗯 和 与 及 或 或者 就 都 也 还 很 请 把 被 这 那 这个 那个 ' +
    '这些 那些 一个 一下 什么 怎么 怎么办 怎样 如何 为什么 为 对 从 给 让 会 能 要 可以 我的 你的 您的 之 其 而 但 但是 ' +
    '如果 因为 所以 已经 时 时候 里 中 上 下 个 一 有 得 地 着 过'
  ).split(' '),
);

/** Query-side alternatives for words people use for the same thing; applied to stemmed terms. */
const SYNONYMS: Record<string, string[]> = {
  cannot: ['cant'],
  unable: ['cant'],
  mic: ['microphon'],
  microphon: ['mic'],
  webcam: ['camera'],
  cam: ['camera'],
  headset: ['headphon'],
  headphon: ['headset'],
  audio: ['sound'],
  sound: ['audio'],
  voice: ['sound'],
  laggy: ['lag'],
  frozen: ['freez'],
  freez: ['frozen'],
  disconnect: ['drop'],
  wifi: ['network'],
  internet: ['network'],
  话筒: ['麦克'],
  麦: ['麦克'],
  相机: ['摄像'],
  镜头: ['摄像'],
  卡顿: ['卡'],
  断线: ['掉线'],
  断开: ['掉线'],
  听不见: ['不到'],
  不见: ['不到'],
  没声: ['声音'],
  网速: ['网络'],
  回音: ['回声'],
  啸叫: ['回声'],
};

/** A conservative English stemmer: plural, -ing, -ed and a final e, so "sharing", "shared" and "share" meet. */
export function stem(word: string): string {
  if (word.length < 5 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  const suffix = /(?:ing|ed)$/.exec(w);
  if (suffix && w.length - suffix[0].length >= 3 && /[aeiouy]/.test(w.slice(0, -suffix[0].length))) {
    w = w.slice(0, -suffix[0].length);
    // stopped → stopp → stop; but not call, pass, buzz.
    if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
  }
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Lowercase, full-width to half-width, apostrophes dropped (can't → cant), a few compounds joined. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/\bwi-?fi\b/g, 'wifi')
    .replace(/\be-mail\b/g, 'email');
}

export const isCjk = (term: string): boolean => CJK.test(term);

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

export interface AnalysedText {
  /** Word terms in reading order, stopwords left out: used for matching and for phrase proximity. */
  words: string[];
  /** Overlapping pairs of Chinese characters, marked with BIGRAM. */
  bigrams: string[];
}

/** Splits text into word terms and Chinese bigrams; `raws` collects each word as written, before stemming. */
export function analyse(text: string, raws?: string[]): AnalysedText {
  const words: string[] = [];
  const bigrams: string[] = [];
  for (const match of normalise(text).matchAll(RUNS)) {
    const [, cjk, latin] = match;
    if (latin) {
      const word = latin;
      if (ENGLISH_STOPWORDS.has(word)) continue;
      words.push(stem(word));
      raws?.push(word);
    } else if (cjk) {
      for (const { segment, isWordLike } of segmenter.segment(cjk)) {
        if (!isWordLike || CHINESE_STOPWORDS.has(segment)) continue;
        words.push(segment);
        raws?.push(segment);
      }
      for (let i = 0; i + 1 < cjk.length; i++) bigrams.push(BIGRAM + cjk.slice(i, i + 2));
    }
  }
  return { words, bigrams };
}

/** Markdown reduced to the words a reader sees: link targets, image addresses and markup left out. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[#*_`>|[\]~-]+/g, ' ');
}

export interface QueryWord {
  term: string;
  /** The word as typed (normalised, unstemmed): a half-typed "sharin" must still reach "sharing". */
  raw: string;
  /** Still being typed: the last word with no space after it matches as a prefix too. */
  partial: boolean;
  /** Other terms meaning the same thing. */
  synonyms: string[];
}

export interface AnalysedQuery {
  words: QueryWord[];
  bigrams: string[];
}

export function analyseQuery(query: string): AnalysedQuery {
  const raws: string[] = [];
  const { words, bigrams } = analyse(query, raws);
  const typing = /[\p{L}\p{N}]$/u.test(query);
  return {
    words: words.map((term, i) => ({
      term,
      raw: raws[i] ?? term,
      partial: typing && i === words.length - 1 && !isCjk(term),
      synonyms: (SYNONYMS[term] ?? []).filter((s) => s !== term),
    })),
    bigrams: [...new Set(bigrams)],
  };
}
