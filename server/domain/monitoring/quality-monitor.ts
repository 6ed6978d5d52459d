// The live picture of quality, in memory: reports folded per user, per classroom and per organisation in
// sliding windows; once a second `tick` moves users' and classrooms' health by the organisation's rules and
// says what changed. Nothing here is stored; minute aggregates are taken from it (quality-minutes.ts).
import {
  QUALITY_NOTICE_EVERY_MS,
  QUALITY_STALE_AFTER_MS,
  WEAK_NETWORK_ARTICLE,
  type ClassroomHealth,
  type QualityFigures,
  type QualityHistoryEntry,
  type QualityNotice,
  type QualityReport,
  type QualityRules,
} from '../../../shared/quality';
import type { Clock } from '../ports';
import { ClassroomQuality } from './classroom-quality';
import { QualityWindow } from './quality-window';
import { judge, UserQuality } from './user-quality';

export interface ReportingUser {
  id: string;
  name: string;
  role: string | null;
  organisationId: string;
  organisationName: string;
}

export type QualityChange =
  | { type: 'user.degraded' | 'user.recovered'; user: ReportingUser; classroomId: string | null }
  | { type: 'user.notice'; user: ReportingUser; notice: QualityNotice }
  | { type: 'classroom.degraded' | 'classroom.recovered'; classroom: ClassroomHealth }
  | { type: 'incident.due' | 'incident.recovered'; classroom: ClassroomHealth; affected: string[] };

export interface MonitorDeps {
  clock: Clock;
  rulesFor(organisationId: string): QualityRules;
  onChange(change: QualityChange): void;
}

interface UserEntry {
  user: ReportingUser;
  classroomId: string | null;
  classroomKey: string | null;
  quality: UserQuality;
}

/** A classroom nobody reports from any more is forgotten once its chart has nothing left to show. */
const FORGET_CLASSROOM_AFTER_MS = 30 * 60_000;
const MINUTE = 60_000;

const keyOf = (organisationId: string, classroomId: string) => `${organisationId}\u0000${classroomId}`;

export class QualityMonitor {
  private readonly users = new Map<string, UserEntry>();
  private readonly classrooms = new Map<string, ClassroomQuality & { organisationName: string; lastReportAt: number }>();
  private readonly organisations = new Map<string, QualityWindow>();

  constructor(private readonly deps: MonitorDeps) {}

  report(user: ReportingUser, classroomId: string | null, report: QualityReport): void {
    const now = this.deps.clock.now();
    let entry = this.users.get(user.id);
    if (!entry) {
      entry = { user, classroomId: null, classroomKey: null, quality: new UserQuality(now) };
      this.users.set(user.id, entry);
    }
    // Users keep their classroom: its key is built again only when it changes (an organisation is a user's for good).
    const classroomKey = classroomId === entry.classroomId ? entry.classroomKey : classroomId ? keyOf(user.organisationId, classroomId) : null;
    entry.classroomId = classroomId;
    entry.user = user;
    if (entry.classroomKey !== classroomKey) {
      if (entry.classroomKey) this.classrooms.get(entry.classroomKey)?.members.delete(user.id);
      entry.classroomKey = classroomKey;
    }
    const rules = this.deps.rulesFor(user.organisationId);
    entry.quality.observe(report, judge(report, rules.user), now);
    if (classroomKey && classroomId) {
      let classroom = this.classrooms.get(classroomKey);
      if (!classroom) {
        classroom = Object.assign(new ClassroomQuality(user.organisationId, classroomId, now), {
          organisationName: user.organisationName,
          lastReportAt: now,
        });
        this.classrooms.set(classroomKey, classroom);
      }
      classroom.members.add(user.id);
      classroom.lastReportAt = now;
      classroom.window.add(report, now);
    }
    let orgWindow = this.organisations.get(user.organisationId);
    if (!orgWindow) {
      orgWindow = new QualityWindow(5 * MINUTE);
      this.organisations.set(user.organisationId, orgWindow);
    }
    orgWindow.add(report, now);
  }

  /** Moves every user's and classroom's health on; call once a second. */
  tick(): void {
    const now = this.deps.clock.now();
    const emit = this.deps.onChange;
    // Ten thousand users share a handful of organisations: look each one's rules up once per tick.
    const rulesNow = new Map<string, QualityRules>();
    const rulesFor = (organisationId: string): QualityRules => {
      let rules = rulesNow.get(organisationId);
      if (!rules) {
        rules = this.deps.rulesFor(organisationId);
        rulesNow.set(organisationId, rules);
      }
      return rules;
    };
    for (const [id, entry] of this.users) {
      const classroomId = entry.classroomKey ? (this.classrooms.get(entry.classroomKey)?.classroomId ?? null) : null;
      if (now - entry.quality.lastReportAt > QUALITY_STALE_AFTER_MS) {
        // Gone quiet (left the class, closed the page): no longer counted, and no longer degraded.
        this.users.delete(id);
        if (entry.classroomKey) this.classrooms.get(entry.classroomKey)?.members.delete(id);
        if (entry.quality.health === 'degraded') emit({ type: 'user.recovered', user: entry.user, classroomId });
        continue;
      }
      const changed = entry.quality.evaluate(now, rulesFor(entry.user.organisationId).user);
      if (!changed) continue;
      emit({ type: changed === 'degraded' ? 'user.degraded' : 'user.recovered', user: entry.user, classroomId });
      const { quality } = entry;
      if (changed === 'degraded' && (quality.noticedAt === null || now - quality.noticedAt >= QUALITY_NOTICE_EVERY_MS)) {
        quality.noticedAt = now;
        emit({ type: 'user.notice', user: entry.user, notice: { articleSlug: WEAK_NETWORK_ARTICLE, at: now } });
      }
    }
    for (const [key, classroom] of this.classrooms) {
      if (!classroom.members.size && now - classroom.lastReportAt > FORGET_CLASSROOM_AFTER_MS) {
        this.classrooms.delete(key);
        continue;
      }
      const { reporting, degraded } = this.counts(classroom);
      const verdict = classroom.evaluate(reporting, degraded.length, now, rulesFor(classroom.organisationId));
      if (verdict.health)
        emit({ type: verdict.health === 'degraded' ? 'classroom.degraded' : 'classroom.recovered', classroom: this.view(classroom, now) });
      if (verdict.incident !== undefined) {
        emit({ type: verdict.incident ? 'incident.due' : 'incident.recovered', classroom: this.view(classroom, now), affected: degraded });
      }
    }
  }

  private counts(classroom: ClassroomQuality): { reporting: number; degraded: string[] } {
    const degraded: string[] = [];
    for (const id of classroom.members) if (this.users.get(id)?.quality.health === 'degraded') degraded.push(id);
    return { reporting: classroom.members.size, degraded };
  }

  private view(classroom: ClassroomQuality & { organisationName: string }, now: number, withChart = false): ClassroomHealth {
    const affected = this.counts(classroom).degraded.map((id) => {
      const { user, quality } = this.users.get(id) as UserEntry;
      return { endUserId: id, name: user.name, role: user.role, since: quality.since, lastMinute: quality.window.figures(now, MINUTE) };
    });
    return {
      organisationId: classroom.organisationId,
      organisationName: classroom.organisationName,
      classroomId: classroom.classroomId,
      health: classroom.health,
      since: classroom.since,
      reportingUsers: classroom.members.size,
      degradedUsers: affected.length,
      incidentCondition: classroom.incidentCondition,
      lastMinute: classroom.window.figures(now, MINUTE),
      lastFiveMinutes: classroom.window.figures(now, 5 * MINUTE),
      affected,
      ...(withChart ? { chart: classroom.window.points(now) } : {}),
    };
  }

  /** Every classroom with recent reports, degraded first. */
  classroomList(): ClassroomHealth[] {
    const now = this.deps.clock.now();
    return [...this.classrooms.values()]
      .map((c) => this.view(c, now))
      .sort((a, b) => (a.health === b.health ? a.classroomId.localeCompare(b.classroomId) : a.health === 'degraded' ? -1 : 1));
  }

  classroom(organisationId: string, classroomId: string): ClassroomHealth | null {
    const classroom = this.classrooms.get(keyOf(organisationId, classroomId));
    return classroom ? this.view(classroom, this.deps.clock.now(), true) : null;
  }

  organisationFigures(organisationId: string): { lastMinute: QualityFigures; lastFiveMinutes: QualityFigures } | null {
    const window = this.organisations.get(organisationId);
    const now = this.deps.clock.now();
    return window ? { lastMinute: window.figures(now, MINUTE), lastFiveMinutes: window.figures(now, 5 * MINUTE) } : null;
  }

  userHealth(endUserId: string): { health: string; since: number } | null {
    const entry = this.users.get(endUserId);
    return entry ? { health: entry.quality.health, since: entry.quality.since } : null;
  }

  history(endUserId: string): QualityHistoryEntry[] {
    return this.users.get(endUserId)?.quality.history() ?? [];
  }

  /** Each classroom's figures of the minute starting at `minuteStart`, for the stored per-minute aggregates. */
  minute(minuteStart: number): { organisationId: string; classroomId: string; users: number; degradedUsers: number; figures: QualityFigures }[] {
    const rows = [];
    for (const c of this.classrooms.values()) {
      const m = c.window.minute(minuteStart);
      if (!m.reports) continue;
      rows.push({ organisationId: c.organisationId, classroomId: c.classroomId, users: c.members.size, degradedUsers: m.degradedUsers, figures: m });
    }
    return rows;
  }
}
