// A sliding window of quality reports in 10-second buckets (a ring): means over the last minute or five,
// and the points of a chart. Sums, not samples, so memory stays flat however often reports come.
import type { QualityFigures, QualityPoint } from '../../../shared/quality';

export const BUCKET_MS = 10_000;

interface Bucket {
  start: number;
  reports: number;
  rtt: number;
  rttN: number;
  loss: number;
  lossN: number;
  jitter: number;
  jitterN: number;
  /** Most users degraded at once during the bucket (classrooms only). */
  degraded: number;
}

export interface Figures {
  rttMs: number | null;
  packetLossPct: number | null;
  jitterMs: number | null;
}

const empty = (start: number): Bucket => ({ start, reports: 0, rtt: 0, rttN: 0, loss: 0, lossN: 0, jitter: 0, jitterN: 0, degraded: 0 });
function reset(b: Bucket, start: number): void {
  b.start = start;
  b.reports = b.rtt = b.rttN = b.loss = b.lossN = b.jitter = b.jitterN = b.degraded = 0;
}
const mean = (sum: number, n: number): number | null => (n ? Math.round((sum / n) * 10) / 10 : null);

export class QualityWindow {
  private readonly buckets: (Bucket | undefined)[];

  constructor(private readonly spanMs: number) {
    this.buckets = new Array(Math.ceil(spanMs / BUCKET_MS));
  }

  private bucketAt(now: number): Bucket {
    const start = now - (now % BUCKET_MS);
    const slot = Math.floor(start / BUCKET_MS) % this.buckets.length;
    let bucket = this.buckets[slot];
    if (!bucket) this.buckets[slot] = bucket = empty(start);
    // A slot's old bucket is emptied in place: no new object every ten seconds for each of thousands of users.
    else if (bucket.start !== start) reset(bucket, start);
    return bucket;
  }

  add(figures: Figures, now: number): void {
    const b = this.bucketAt(now);
    b.reports++;
    if (figures.rttMs !== null) {
      b.rtt += figures.rttMs;
      b.rttN++;
    }
    if (figures.packetLossPct !== null) {
      b.loss += figures.packetLossPct;
      b.lossN++;
    }
    if (figures.jitterMs !== null) {
      b.jitter += figures.jitterMs;
      b.jitterN++;
    }
  }

  noteDegraded(count: number, now: number): void {
    const b = this.bucketAt(now);
    b.degraded = Math.max(b.degraded, count);
  }

  private live(now: number, ms: number): Bucket[] {
    const from = now - ms;
    return this.buckets.filter((b): b is Bucket => !!b && b.start + BUCKET_MS > from && b.start <= now);
  }

  /** Means over the last `ms` (at most the window's span). */
  figures(now: number, ms: number): QualityFigures {
    return totals(this.live(now, ms));
  }

  /** Every bucket of the window that saw something, oldest first. */
  points(now: number): QualityPoint[] {
    return this.live(now, this.spanMs)
      .sort((a, b) => a.start - b.start)
      .map((b) => ({
        at: b.start,
        reports: b.reports,
        rttMs: mean(b.rtt, b.rttN),
        packetLossPct: mean(b.loss, b.lossN),
        jitterMs: mean(b.jitter, b.jitterN),
        degradedUsers: b.degraded,
      }));
  }

  /** The figures of the whole minute starting at `minuteStart`. */
  minute(minuteStart: number): QualityFigures & { degradedUsers: number } {
    const inMinute = this.buckets.filter((b): b is Bucket => !!b && b.start >= minuteStart && b.start < minuteStart + 60_000);
    return { ...totals(inMinute), degradedUsers: inMinute.reduce((m, b) => Math.max(m, b.degraded), 0) };
  }
}

function totals(buckets: Bucket[]): QualityFigures {
  const t = empty(0);
  for (const b of buckets) {
    t.reports += b.reports;
    t.rtt += b.rtt;
    t.rttN += b.rttN;
    t.loss += b.loss;
    t.lossN += b.lossN;
    t.jitter += b.jitter;
    t.jitterN += b.jitterN;
  }
  return { reports: t.reports, rttMs: mean(t.rtt, t.rttN), packetLossPct: mean(t.loss, t.lossN), jitterMs: mean(t.jitter, t.jitterN) };
}
