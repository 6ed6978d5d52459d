// The in-memory inverted index over published articles: BM25F ranking (title above tags above summary above
// body), prefix and one-typo matching, Chinese words plus bigrams, a bonus for words found side by side,
// and results in the reader's locale first. Pure and synchronous; the store stays the source of truth.
import type { ArticleHit, ArticleLocale } from '../../../shared/articles';
import { analyse, analyseQuery, BIGRAM, isCjk, plainText, type AnalysedText, type QueryWord } from './article-text';
import { Vocabulary } from './search-vocabulary';

export interface SearchableArticle extends ArticleHit {
  tags: string[];
  body: string;
  updatedAt: number;
}

/** What the index keeps per article: everything but the body, plus its words in order for proximity. */
export interface IndexedArticle extends ArticleHit {
  tags: string[];
  updatedAt: number;
}

interface Doc {
  article: IndexedArticle;
  /** Term ids of the title's words, and of summary and body, in reading order. */
  titleWords: Int32Array;
  bodyWords: Int32Array;
  /** Per-field lengths in words, to undo them when the doc is removed. */
  lengths: number[];
}

interface Posting {
  docs: number[];
  weights: number[];
}

export interface ScoredHit extends ArticleHit {
  score: number;
}

export interface SearchOptions {
  locale: ArticleLocale;
  limit: number;
}

// Field order matches Doc.lengths. b: how much a long field is discounted (tags not at all).
const FIELDS = [
  { name: 'title', weight: 4, b: 0.5 },
  { name: 'tags', weight: 3, b: 0 },
  { name: 'summary', weight: 2, b: 0.5 },
  { name: 'body', weight: 1, b: 0.75 },
] as const;
/** Term-frequency saturation. Above BM25's usual 1.2 because field weights already multiply the counts: a word in
 * the title must still clearly outweigh one mention in the body. */
const K1 = 2;

/** How much a match counts, by how it was found. */
const MATCH = { exact: 1, synonym: 0.8, prefix: 0.75, typo: 0.7, bigram: 0.5 } as const;
const PREFIX_EXPANSIONS = 12;
/** Only the best candidates get the (costlier) proximity check. */
const RERANK = 60;
/** Hits scoring below this share of the best are noise to a reader looking for one fix. */
const RELATIVE_FLOOR = 0.3;

export class ArticleIndex {
  private readonly docs: (Doc | undefined)[] = [];
  private readonly byId = new Map<string, number>();
  /** Terms are numbered; postings and word sequences hold numbers, which costs far less memory than strings. */
  private readonly termIds = new Map<string, number>();
  private readonly postings: Posting[] = [];
  private readonly vocabulary = new Vocabulary();
  private readonly fieldTotals = FIELDS.map(() => 0);
  private live = 0;

  static build(articles: Iterable<SearchableArticle>): ArticleIndex {
    const index = new ArticleIndex();
    // Averages first, so every document is weighed against the same field lengths.
    const analysed = [...articles].map((article) => ({ article, fields: fieldTexts(article).map((text) => analyse(text)) }));
    for (const { fields } of analysed) {
      for (const [f, field] of fields.entries()) index.fieldTotals[f]! += field.words.length;
    }
    index.live = analysed.length;
    for (const { article, fields } of analysed) index.insert(article, fields, false);
    return index;
  }

  get size(): number {
    return this.live;
  }

  get vocabularySize(): number {
    return this.vocabulary.size;
  }

  /** The share of indexed documents that were removed but still occupy postings (a rebuild reclaims them). */
  get wasted(): number {
    return this.docs.length ? 1 - this.live / this.docs.length : 0;
  }

  articles(): IndexedArticle[] {
    return this.docs.flatMap((doc) => (doc ? [doc.article] : []));
  }

  get(id: string): IndexedArticle | undefined {
    const docNo = this.byId.get(id);
    return docNo === undefined ? undefined : this.docs[docNo]?.article;
  }

  /** Adds the article, replacing an earlier version of it. */
  upsert(article: SearchableArticle): void {
    this.remove(article.id);
    this.live++;
    this.insert(
      article,
      fieldTexts(article).map((text) => analyse(text)),
      true,
    );
  }

  remove(id: string): void {
    const docNo = this.byId.get(id);
    if (docNo === undefined) return;
    const doc = this.docs[docNo]!;
    for (const [f, length] of doc.lengths.entries()) this.fieldTotals[f]! -= length;
    // Postings keep the number; search skips it. Rebuilding later reclaims the space.
    this.docs[docNo] = undefined;
    this.byId.delete(id);
    this.live--;
  }

  private average(field: number): number {
    return this.live ? Math.max(1, this.fieldTotals[field]! / this.live) : 1;
  }

  private insert(article: SearchableArticle, analysed: AnalysedText[], countLengths: boolean): void {
    const docNo = this.docs.length;
    const lengths = analysed.map((a) => a.words.length);
    if (countLengths) {
      for (const [f, length] of lengths.entries()) this.fieldTotals[f]! += length;
    }
    const weights = new Map<number, number>();
    analysed.forEach(({ words, bigrams }, f) => {
      const field = FIELDS[f]!;
      const norm = 1 - field.b + (field.b * Math.max(1, lengths[f]!)) / this.average(f);
      for (const term of words) this.weigh(weights, this.termId(term), field.weight / norm);
      for (const term of bigrams) this.weigh(weights, this.termId(term), field.weight / norm);
    });
    for (const [termId, weight] of weights) {
      const posting = this.postings[termId]!;
      posting.docs.push(docNo);
      posting.weights.push(weight);
    }
    const { body: _body, ...meta } = article;
    this.docs.push({
      article: meta,
      titleWords: Int32Array.from(analysed[0]!.words, (w) => this.termIds.get(w)!),
      bodyWords: Int32Array.from([...analysed[2]!.words, ...analysed[3]!.words], (w) => this.termIds.get(w)!),
      lengths,
    });
    this.byId.set(article.id, docNo);
  }

  private weigh(weights: Map<number, number>, termId: number, weight: number): void {
    weights.set(termId, (weights.get(termId) ?? 0) + weight);
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.postings.length;
      this.termIds.set(term, id);
      this.postings.push({ docs: [], weights: [] });
      if (!term.startsWith(BIGRAM)) this.vocabulary.add(term);
    }
    return id;
  }

  private frequency = (term: string): number => {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.postings[id]!.docs.length;
  };

  private idf(termId: number): number {
    const df = this.postings[termId]!.docs.length;
    const n = Math.max(this.docs.length, 1);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The terms (by id) a query word may match, each with how much such a match counts. */
  private expand(word: QueryWord): Map<number, number> {
    const found = new Map<number, number>();
    const offer = (term: string, weight: number) => {
      const id = this.termIds.get(term);
      if (id !== undefined && (found.get(id) ?? 0) < weight) found.set(id, weight);
    };
    offer(word.term, MATCH.exact);
    for (const synonym of word.synonyms) offer(synonym, MATCH.synonym);
    const known = this.termIds.has(word.term);
    if (word.partial || !known) {
      const stems = new Set([word.term, word.raw]);
      // "sharin" is on its way to "sharing", whose stem is "shar".
      if (word.partial && word.raw.length >= 5) stems.add(word.raw.slice(0, -2));
      for (const prefix of stems) {
        if (prefix.length < (isCjk(prefix) ? 1 : 2)) continue;
        for (const term of this.vocabulary.withPrefix(prefix, PREFIX_EXPANSIONS, this.frequency)) offer(term, MATCH.prefix);
      }
    }
    if (!known) for (const term of this.vocabulary.oneTypoFrom(word.term)) offer(term, MATCH.typo);
    return found;
  }

  search(query: string, { locale, limit }: SearchOptions): ScoredHit[] {
    const { words, bigrams } = analyseQuery(query);
    if (!words.length && !bigrams.length) return [];
    const n = this.docs.length;
    const total = new Float64Array(n);
    const wordsMatched = new Uint8Array(n);
    const best = new Float64Array(n);
    const touched: number[] = [];
    const seen = new Uint8Array(n);

    /** Adds one query unit: per document the best of its expansions, so "mic" matching two terms counts once. */
    const score = (expansions: Map<number, number>): number[] => {
      const hit: number[] = [];
      for (const [termId, weight] of expansions) {
        const posting = this.postings[termId]!;
        const idf = this.idf(termId) * weight;
        for (let i = 0; i < posting.docs.length; i++) {
          const docNo = posting.docs[i]!;
          const w = posting.weights[i]!;
          const value = (idf * w * (K1 + 1)) / (w + K1);
          if (best[docNo] === 0) hit.push(docNo);
          if (value > best[docNo]!) best[docNo] = value;
        }
      }
      for (const docNo of hit) {
        total[docNo]! += best[docNo]!;
        best[docNo] = 0;
        if (!seen[docNo]) {
          seen[docNo] = 1;
          touched.push(docNo);
        }
      }
      return hit;
    };

    const expanded = words.map((word) => this.expand(word));
    for (const expansions of expanded) for (const docNo of score(expansions)) wordsMatched[docNo]!++;
    for (const bigram of bigrams) {
      const id = this.termIds.get(bigram);
      if (id !== undefined) score(new Map([[id, MATCH.bigram]]));
    }

    const candidates: ScoredHit[] = [];
    const wordUnits = expanded.filter((e) => e.size).length || 1;
    const ranked = touched
      .filter((docNo) => this.docs[docNo])
      .map((docNo) => {
        // Documents matching more of the query's words outrank ones repeating a single word.
        const coverage = words.length ? 0.4 + (0.6 * wordsMatched[docNo]!) / wordUnits : 1;
        return { docNo, score: total[docNo]! * coverage };
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, RERANK);
    for (const { docNo, score: base } of ranked) {
      const doc = this.docs[docNo]!;
      candidates.push({ ...hitOf(doc.article), score: base + this.proximity(doc, expanded) });
    }
    return this.arrange(candidates, locale, limit);
  }

  /** Bonus for query words that stand side by side in the article, as typed: "hear the teacher" ≠ "the teacher can't hear". */
  private proximity(doc: Doc, expanded: Map<number, number>[]): number {
    let bonus = 0;
    for (let i = 0; i + 1 < expanded.length; i++) {
      const first = expanded[i]!;
      const second = expanded[i + 1]!;
      if (!first.size || !second.size) continue;
      const pairWeight = Math.max(...[...first.keys()].map((t) => this.idf(t))) + Math.max(...[...second.keys()].map((t) => this.idf(t)));
      if (adjacent(doc.titleWords, first, second)) bonus += pairWeight;
      else if (adjacent(doc.bodyWords, first, second)) bonus += pairWeight * 0.3;
    }
    return bonus;
  }

  /** The reader's locale first, then the other; an article already shown in the reader's locale is not repeated. */
  private arrange(hits: ScoredHit[], locale: ArticleLocale, limit: number): ScoredHit[] {
    const top = Math.max(0, ...hits.map((h) => h.score));
    const kept = hits.filter((h) => h.score >= top * RELATIVE_FLOOR).sort((a, b) => b.score - a.score);
    const own = kept.filter((h) => h.locale === locale);
    const slugs = new Set(own.map((h) => h.slug));
    const other = kept.filter((h) => h.locale !== locale && !slugs.has(h.slug));
    return [...own, ...other].slice(0, limit);
  }
}

const fieldTexts = (a: SearchableArticle): string[] => [a.title, a.tags.join(' '), a.summary, plainText(a.body)];

/** Just what a link to the article needs, whatever else the object carries. */
export const hitOf = ({ id, slug, locale, title, summary }: ArticleHit): ArticleHit => ({ id, slug, locale, title, summary });

function adjacent(words: Int32Array, first: Map<number, number>, second: Map<number, number>): boolean {
  for (let j = 0; j + 1 < words.length; j++) if (first.has(words[j]!) && second.has(words[j + 1]!)) return true;
  return false;
}
