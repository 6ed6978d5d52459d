// The index's vocabulary: finds terms that start with what is being typed, and terms one typo away
// (a deletion map in the manner of SymSpell, so a lookup costs a few map reads, not a scan of every term).

/** Words shorter than this get no typo tolerance: "cam" → "can" would be noise, not help. */
const MIN_FUZZY_LENGTH = 4;
const MAX_FUZZY_LENGTH = 24;
/** How many terms a prefix is allowed to scan before choosing the most common ones. */
const PREFIX_SCAN = 2_000;

const fuzzyCandidate = (term: string): boolean => term.length >= MIN_FUZZY_LENGTH - 1 && term.length <= MAX_FUZZY_LENGTH && /^[a-z0-9]+$/.test(term);

function deletions(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < term.length; i++) out.push(term.slice(0, i) + term.slice(i + 1));
  return out;
}

/** Optimal string alignment distance, stopping as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, prevPrev[j - 2]! + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

export class Vocabulary {
  private readonly terms = new Set<string>();
  private sorted: string[] | null = null;
  /** term with one character deleted → the terms it came from (a string when only one, to save memory). */
  private readonly deleted = new Map<string, string | string[]>();

  get size(): number {
    return this.terms.size;
  }

  has(term: string): boolean {
    return this.terms.has(term);
  }

  add(term: string): void {
    if (this.terms.has(term)) return;
    this.terms.add(term);
    this.sorted = null;
    if (!fuzzyCandidate(term) || term.length < MIN_FUZZY_LENGTH) return;
    for (const key of deletions(term)) {
      const held = this.deleted.get(key);
      if (held === undefined) this.deleted.set(key, term);
      else if (typeof held === 'string') {
        if (held !== term) this.deleted.set(key, [held, term]);
      } else if (!held.includes(term)) held.push(term);
    }
  }

  /** The `limit` most common terms starting with `prefix` (itself included), most common first. */
  withPrefix(prefix: string, limit: number, frequency: (term: string) => number): string[] {
    this.sorted ??= [...this.terms].sort();
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let i = lo; i < sorted.length && found.length < PREFIX_SCAN; i++) {
      const term = sorted[i]!;
      if (!term.startsWith(prefix)) break;
      found.push(term);
    }
    return found.sort((a, b) => frequency(b) - frequency(a)).slice(0, limit);
  }

  /** Known terms one edit (insert, delete, substitute or swap two neighbours) away from `term`. */
  oneTypoFrom(term: string): string[] {
    if (!fuzzyCandidate(term) || term.length < MIN_FUZZY_LENGTH) return [];
    const candidates = new Set<string>();
    const collect = (key: string) => {
      const held = this.deleted.get(key);
      if (typeof held === 'string') candidates.add(held);
      else if (held) for (const t of held) candidates.add(t);
    };
    collect(term);
    for (const shorter of deletions(term)) {
      if (this.terms.has(shorter)) candidates.add(shorter);
      collect(shorter);
    }
    candidates.delete(term);
    return [...candidates].filter((candidate) => editDistance(term, candidate, 1) <= 1);
  }
}
