// Folds the host's quality samples (every second, typically) into one report per 5 s at most, and decides
// whether it is worth sending: while it is bad, when it changed, and otherwise only as a 30 s keep-alive.
import {
  DEFAULT_QUALITY_RULES,
  QUALITY_REPORT_KEEPALIVE_MS,
  QUALITY_REPORT_MIN_INTERVAL_MS,
  type QualityReport,
  type QualitySample,
} from '../../shared/quality';

/** Grades by name, for SDKs that report words (Agora-style scale: 1 excellent … 6 down). */
const GRADES: Record<string, number> = { unknown: 0, excellent: 1, good: 2, poor: 3, bad: 4, vbad: 5, 'very bad': 5, down: 6 };
export const SDK_BAD_FROM = 4;

const num = (value: unknown, max: number): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.min(value, max) : null;

export function grade(value: unknown): number | null {
  const g = typeof value === 'string' ? GRADES[value.trim().toLowerCase()] : num(value, 6);
  return g === undefined || g === null ? null : Math.round(g);
}

interface Sums {
  n: number;
  since: number;
  rtt: [number, number];
  loss: [number, number];
  jitter: [number, number];
  freezes: number;
  low: boolean;
  sdk: number | null;
}

const mean = ([sum, n]: [number, number]) => (n ? Math.round((sum / n) * 10) / 10 : null);
const differs = (a: number | null, b: number | null, slack: number) =>
  (a === null) !== (b === null) || (a !== null && b !== null && Math.abs(a - b) > Math.max(slack, 0.25 * b));

export function isBad(r: QualityReport): boolean {
  const { rttMs, packetLossPct, jitterMs } = DEFAULT_QUALITY_RULES.user;
  return (
    (r.rttMs ?? 0) > rttMs || (r.packetLossPct ?? 0) > packetLossPct || (r.jitterMs ?? 0) > jitterMs || (r.sdkNetworkQuality ?? 0) >= SDK_BAD_FROM
  );
}

export class QualityFold {
  private sums: Sums | null = null;
  private last: { report: QualityReport; at: number } | null = null;

  constructor(private readonly now: () => number) {}

  /** Adds one sample; true when it is the first of a new report (start the 5 s timer). */
  add(sample: QualitySample): boolean {
    const first = !this.sums;
    this.sums ??= { n: 0, since: this.now(), rtt: [0, 0], loss: [0, 0], jitter: [0, 0], freezes: 0, low: false, sdk: null };
    const s = this.sums;
    const put = (pair: [number, number], value: number | null) => {
      if (value === null) return;
      pair[0] += value;
      pair[1]++;
    };
    s.n++;
    put(s.rtt, num(sample?.rttMs, 600_000));
    put(s.loss, num(sample?.packetLossPct, 100));
    put(s.jitter, num(sample?.jitterMs, 600_000));
    s.freezes += Math.round(num(sample?.freezes, 1_000) ?? 0);
    s.low ||= sample?.audioLevelLow === true;
    const g = grade(sample?.sdkNetworkQuality);
    if (g) s.sdk = Math.max(s.sdk ?? 0, g);
    return first;
  }

  /** When the pending report may go (5 s after the previous one at the earliest). */
  dueIn(): number {
    return this.last ? Math.max(0, this.last.at + QUALITY_REPORT_MIN_INTERVAL_MS - this.now()) : QUALITY_REPORT_MIN_INTERVAL_MS;
  }

  /** The folded report if it should be sent now (bad, changed, or a keep-alive is due); the fold starts afresh. */
  take(): QualityReport | null {
    const s = this.sums;
    this.sums = null;
    if (!s) return null;
    const now = this.now();
    const report: QualityReport = {
      samples: Math.min(s.n, 10_000),
      periodMs: Math.min(Math.max(now - s.since, 1_000), 3_600_000),
      rttMs: mean(s.rtt),
      packetLossPct: mean(s.loss),
      jitterMs: mean(s.jitter),
      freezes: Math.min(s.freezes, 100_000),
      audioLevelLow: s.low,
      sdkNetworkQuality: s.sdk,
    };
    const before = this.last?.report;
    const send =
      !before ||
      isBad(report) ||
      isBad(before) ||
      now - (this.last?.at ?? 0) >= QUALITY_REPORT_KEEPALIVE_MS ||
      differs(report.rttMs, before.rttMs, 50) ||
      differs(report.packetLossPct, before.packetLossPct, 1) ||
      differs(report.jitterMs, before.jitterMs, 20) ||
      report.sdkNetworkQuality !== before.sdkNetworkQuality;
    if (!send) return null;
    this.last = { report, at: now };
    return report;
  }
}
