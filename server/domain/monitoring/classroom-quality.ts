// One classroom's health from its users': degraded as soon as enough of its reporting users are (their own
// rule already waited), healthy again only after the condition has been false for `recoveredAfterMs`; and
// the incident condition (half the class, at least three, for a minute), tracked the same way.
import type { Health, QualityRules } from '../../../shared/quality';
import { QualityWindow } from './quality-window';

export interface ClassroomVerdict {
  /** The classroom's health changed to this. */
  health?: Health;
  /** The incident rule just began to hold long enough (true), or stopped holding (false). */
  incident?: boolean;
}

export class ClassroomQuality {
  health: Health = 'good';
  since: number;
  readonly members = new Set<string>();
  readonly window = new QualityWindow(30 * 60_000);
  private conditionFalseSince: number | null = null;
  private incidentHoldsSince: number | null = null;
  incidentCondition = false;

  constructor(
    readonly organisationId: string,
    readonly classroomId: string,
    now: number,
  ) {
    this.since = now;
  }

  /** Judges the classroom from how many of its reporting users are degraded now. */
  evaluate(reporting: number, degraded: number, now: number, rules: QualityRules): ClassroomVerdict {
    const verdict: ClassroomVerdict = {};
    this.window.noteDegraded(degraded, now);
    const share = reporting ? degraded / reporting : 0;
    const bad = degraded >= rules.classroom.minUsers || (degraded >= rules.classroom.minUsersForShare && share >= rules.classroom.share);
    if (bad) {
      this.conditionFalseSince = null;
      if (this.health === 'good') {
        this.health = 'degraded';
        this.since = now;
        verdict.health = 'degraded';
      }
    } else if (this.health === 'degraded') {
      this.conditionFalseSince ??= now;
      if (now - this.conditionFalseSince >= rules.classroom.recoveredAfterMs) {
        this.health = 'good';
        this.since = now;
        verdict.health = 'good';
        this.conditionFalseSince = null;
      }
    }

    const incidentHolds = degraded >= rules.incident.minUsers && share >= rules.incident.share;
    if (incidentHolds) {
      this.incidentHoldsSince ??= now;
      if (!this.incidentCondition && now - this.incidentHoldsSince >= rules.incident.afterMs) {
        this.incidentCondition = true;
        verdict.incident = true;
      }
    } else {
      this.incidentHoldsSince = null;
      // Over only once the classroom is healthy again: a dip below half must not end an incident.
      if (this.incidentCondition && this.health === 'good') {
        this.incidentCondition = false;
        verdict.incident = false;
      }
    }
    return verdict;
  }
}
