// One user's quality: each report judged against the rules (bad, good, or in between), and the user's health
// with hysteresis — degraded only after bad reports without a break for `degradedAfterMs`, healthy again
// only after clearly good ones (below `recoverRatio` × every threshold) for `recoveredAfterMs`.
import {
  QUALITY_REPORT_MIN_INTERVAL_MS,
  type Health,
  type QualityHistoryEntry,
  type QualityReport,
  type QualityRules,
} from '../../../shared/quality';
import { QualityWindow } from './quality-window';

export type Verdict = 'bad' | 'good' | 'between';

/** SDK grades (0 unknown, 1 excellent … 6 down) from which a report counts as bad, and up to which it is good. */
const SDK_BAD_FROM = 4;
const SDK_GOOD_UP_TO = 2;
const HISTORY_LENGTH = 24;

export function judge(report: QualityReport, rules: QualityRules['user']): Verdict {
  const metrics: [number | null, number][] = [
    [report.rttMs, rules.rttMs],
    [report.packetLossPct, rules.packetLossPct],
    [report.jitterMs, rules.jitterMs],
  ];
  const sdk = report.sdkNetworkQuality || null;
  if (metrics.some(([value, limit]) => value !== null && value > limit) || (sdk !== null && sdk >= SDK_BAD_FROM)) return 'bad';
  const known = metrics.filter(([value]) => value !== null);
  if (!known.length && sdk === null) return 'between';
  const clearlyGood = known.every(([value, limit]) => (value as number) <= limit * rules.recoverRatio);
  return clearlyGood && (sdk === null || sdk <= SDK_GOOD_UP_TO) ? 'good' : 'between';
}

export class UserQuality {
  health: Health = 'good';
  since: number;
  lastReportAt: number;
  /** When the latest run of bad (or good) reports began; null when the last report broke it. */
  private badSince: number | null = null;
  private goodSince: number | null = null;
  /** When the user was last offered help (notice), for the once-per-15-minutes rule. */
  noticedAt: number | null = null;
  readonly window = new QualityWindow(5 * 60_000);
  private readonly recent: QualityHistoryEntry[] = [];

  constructor(now: number) {
    this.since = now;
    this.lastReportAt = now;
  }

  observe(report: QualityReport, verdict: Verdict, now: number): void {
    this.lastReportAt = now;
    // A report covers the time since the previous one (capped: a first report may fold a long quiet stretch).
    const began = now - Math.min(report.periodMs, QUALITY_REPORT_MIN_INTERVAL_MS);
    if (verdict === 'bad') {
      this.badSince ??= began;
      this.goodSince = null;
    } else if (verdict === 'good') {
      this.goodSince ??= began;
      this.badSince = null;
    } else {
      this.badSince = this.goodSince = null;
    }
    this.window.add(report, now);
    this.recent.push({ at: now, rttMs: report.rttMs, packetLossPct: report.packetLossPct, jitterMs: report.jitterMs });
    if (this.recent.length > HISTORY_LENGTH) this.recent.shift();
  }

  /** Moves the health on if its run has lasted long enough; returns the new health when it changed. */
  evaluate(now: number, rules: QualityRules['user']): Health | null {
    if (this.health === 'good' && this.badSince !== null && now - this.badSince >= rules.degradedAfterMs) {
      this.health = 'degraded';
    } else if (this.health === 'degraded' && this.goodSince !== null && now - this.goodSince >= rules.recoveredAfterMs) {
      this.health = 'good';
    } else {
      return null;
    }
    this.since = now;
    return this.health;
  }

  history(): QualityHistoryEntry[] {
    return [...this.recent];
  }
}
