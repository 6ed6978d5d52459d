// Live-class quality: what the widget reports (a folded summary of the host's RTC stats), the monitoring rules
// with their defaults, and what the console and widget are told. docs/monitoring.md explains each.

/** One sample as the host passes it to `ClassroomSupport.reportQuality(...)`; every field optional. */
export interface QualitySample {
  rttMs?: number;
  packetLossPct?: number;
  jitterMs?: number;
  /** Video freezes since the previous sample. */
  freezes?: number;
  audioLevelLow?: boolean;
  /** The RTC SDK's own network grade, 0 (unknown) … 6 (down) as Agora/TRTC-style SDKs report it, or its word ("poor"). */
  sdkNetworkQuality?: number | string;
}

/** What the widget sends at most every 5 s: the samples since its last report, folded. */
export interface QualityReport {
  /** How many samples were folded, and over how long (ms). */
  samples: number;
  periodMs: number;
  /** Means over the period; null when no sample carried the field. */
  rttMs: number | null;
  packetLossPct: number | null;
  jitterMs: number | null;
  freezes: number;
  audioLevelLow: boolean;
  /** The worst grade seen; null when none was reported. */
  sdkNetworkQuality: number | null;
  /** The classroom the host says the user is in (the server trusts a verified user's token over this). */
  classroomId?: string;
}

/** Thresholds and durations, per organisation (admins edit them; DEFAULT_QUALITY_RULES otherwise). */
export interface QualityRules {
  user: {
    rttMs: number;
    packetLossPct: number;
    jitterMs: number;
    /** Bad this long without a break → degraded. */
    degradedAfterMs: number;
    /** Good (below `recoverRatio` × every threshold) this long → recovered. Between the two nothing changes. */
    recoveredAfterMs: number;
    recoverRatio: number;
  };
  classroom: {
    /** Degraded when at least `minUsers` users are degraded … */
    minUsers: number;
    /** … or at least this share of its reporting users, and at least `minUsersForShare` of them. */
    share: number;
    minUsersForShare: number;
    /** Healthy again only after the condition has been false this long. */
    recoveredAfterMs: number;
  };
  incident: {
    /** At least this share of reporting users, and at least `minUsers`, degraded for `afterMs`. */
    share: number;
    minUsers: number;
    afterMs: number;
  };
}

export const DEFAULT_QUALITY_RULES: QualityRules = {
  user: { rttMs: 400, packetLossPct: 5, jitterMs: 100, degradedAfterMs: 20_000, recoveredAfterMs: 30_000, recoverRatio: 0.8 },
  classroom: { minUsers: 3, share: 0.3, minUsersForShare: 2, recoveredAfterMs: 30_000 },
  incident: { share: 0.5, minUsers: 3, afterMs: 60_000 },
};

/** The widget reports at most this often, and at least this often while samples keep coming (a keep-alive). */
export const QUALITY_REPORT_MIN_INTERVAL_MS = 5_000;
export const QUALITY_REPORT_KEEPALIVE_MS = 30_000;
/** A user silent this long no longer counts as reporting. */
export const QUALITY_STALE_AFTER_MS = 75_000;
/** A user is offered help at most once in this long. */
export const QUALITY_NOTICE_EVERY_MS = 15 * 60_000;
/** The help article the notice links to. */
export const WEAK_NETWORK_ARTICLE = 'weak-network';

export type Health = 'good' | 'degraded';

/** Means over a window (null: nobody reported the field). */
export interface QualityFigures {
  reports: number;
  rttMs: number | null;
  packetLossPct: number | null;
  jitterMs: number | null;
}

/** One point of a classroom's chart: a 10-second bucket. */
export interface QualityPoint extends QualityFigures {
  at: number;
  degradedUsers: number;
}

export interface AffectedUser {
  endUserId: string;
  name: string;
  role: string | null;
  since: number;
  lastMinute: QualityFigures;
}

/** A classroom as the console's Monitoring section shows it. */
export interface ClassroomHealth {
  organisationId: string;
  organisationName: string;
  classroomId: string;
  health: Health;
  /** Since when it is in this health. */
  since: number;
  reportingUsers: number;
  degradedUsers: number;
  /** True while the incident rule holds (an incident is due, or open). */
  incidentCondition: boolean;
  lastMinute: QualityFigures;
  lastFiveMinutes: QualityFigures;
  affected: AffectedUser[];
  /** The last 30 minutes in 10-second buckets, oldest first (only in a single classroom's detail). */
  chart?: QualityPoint[];
}

/** To available agents and the account manager when a classroom turns degraded. */
export interface QualityAlert {
  organisationId: string;
  organisationName: string;
  classroomId: string;
  degradedUsers: number;
  reportingUsers: number;
  at: number;
}

/** To an affected user's widget, even with the panel closed. */
export interface QualityNotice {
  articleSlug: string;
  at: number;
}

/** The user's own quality history, sent along with a chat opened from the notice. */
export interface QualityHistoryEntry {
  at: number;
  rttMs: number | null;
  packetLossPct: number | null;
  jitterMs: number | null;
}
