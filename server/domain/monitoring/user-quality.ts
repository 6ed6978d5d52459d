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
  // Written out rather than over arrays of [value, limit]: every report of every user passes here.
  const { rttMs, packetLossPct, jitterMs } = report;
  const sdk = report.sdkNetworkQuality || null;
  if (
    (rttMs !== null && rttMs > rules.rttMs) ||
    (packetLossPct !== null && packetLossPct > rules.packetLossPct) ||
    (jitterMs !== null && jitterMs > rules.jitterMs) ||
    (sdk !== null && sdk >= SDK_BAD_FROM)
  ) {
    return 'bad';
  }
  if (rttMs === null && packetLossPct === null && jitterMs === null && sdk === null) return 'between';
  const ratio = rules.recoverRatio;
  const clearlyGood =
    (rttMs === null || rttMs <= rules.rttMs * ratio) &&
    (packetLossPct === null || packetLossPct <= rules.packetLossPct * ratio) &&
    (jitterMs === null || jitterMs <= rules.jitterMs * ratio);
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
  /** The latest reports, a ring of HISTORY_LENGTH; `next` is the slot the next one takes. */
  private readonly recent: (QualityReport | undefined)[] = new Array(HISTORY_LENGTH);
  private readonly recentAt = new Float64Array(HISTORY_LENGTH);
  private next = 0;

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
    // The report itself is kept (nothing changes it once validated), not a copy of its figures: no allocation per report.
    this.recentAt[this.next] = now;
    this.recent[this.next] = report;
    this.next = (this.next + 1) % HISTORY_LENGTH;
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
    const entries: QualityHistoryEntry[] = [];
    for (let i = 0; i < HISTORY_LENGTH; i++) {
      const slot = (this.next + i) % HISTORY_LENGTH;
      const report = this.recent[slot];
      if (report)
        entries.push({ at: this.recentAt[slot] as number, rttMs: report.rttMs, packetLossPct: report.packetLossPct, jitterMs: report.jitterMs });
    }
    return entries;
  }
}
