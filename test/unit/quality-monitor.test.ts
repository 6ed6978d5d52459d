// Window and rule math of quality monitoring with a fake clock: thresholds, hysteresis, classrooms,
// incidents and the once-per-15-minutes notice.
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUALITY_RULES, type QualityReport } from '../../shared/quality';
import { QualityMonitor, type QualityChange, type ReportingUser } from '../../server/domain/monitoring/quality-monitor';
import { QualityWindow } from '../../server/domain/monitoring/quality-window';
import { judge } from '../../server/domain/monitoring/user-quality';
import { FakeClock } from '../support/fake-clock';

const GOOD: QualityReport = {
  samples: 5,
  periodMs: 5_000,
  rttMs: 80,
  packetLossPct: 0.5,
  jitterMs: 10,
  freezes: 0,
  audioLevelLow: false,
  sdkNetworkQuality: 1,
};
const BAD: QualityReport = { ...GOOD, rttMs: 900, packetLossPct: 12, jitterMs: 150, sdkNetworkQuality: 5 };
/** Above the recovery line (0.8 × 400 ms) but below the threshold: neither bad nor good. */
const BETWEEN: QualityReport = { ...GOOD, rttMs: 350, sdkNetworkQuality: null };

function setUp() {
  const clock = new FakeClock();
  const changes: QualityChange[] = [];
  const monitor = new QualityMonitor({ clock, rulesFor: () => DEFAULT_QUALITY_RULES, onChange: (c) => changes.push(c) });
  const user = (n: number, org = 'org-1'): ReportingUser => ({
    id: `u${n}`,
    name: `User ${n}`,
    role: 'student',
    organisationId: org,
    organisationName: 'School',
  });
  /** Every user reports `report` every 5 s for `ms`, ticking each second. */
  const run = (ms: number, reports: [number, string | null, QualityReport][]) => {
    for (let t = 0; t < ms; t += 1_000) {
      clock.advance(1_000);
      if ((t / 1_000) % 5 === 4) for (const [n, room, report] of reports) monitor.report(user(n), room, report);
      monitor.tick();
    }
  };
  const types = () => changes.map((c) => ('classroom' in c ? `${c.type}:${c.classroom.classroomId}` : `${c.type}:${c.user.id}`));
  return { clock, monitor, changes, run, user, types };
}

describe('judging one report', () => {
  const rules = DEFAULT_QUALITY_RULES.user;
  it('is bad above any threshold, and for a poor SDK grade', () => {
    expect(judge({ ...GOOD, rttMs: 401 }, rules)).toBe('bad');
    expect(judge({ ...GOOD, packetLossPct: 5.1 }, rules)).toBe('bad');
    expect(judge({ ...GOOD, jitterMs: 101 }, rules)).toBe('bad');
    expect(judge({ ...GOOD, sdkNetworkQuality: 6 }, rules)).toBe('bad');
    expect(judge({ ...GOOD, rttMs: 400 }, rules)).toBe('between');
  });
  it('is good only clearly below every threshold; without figures it says nothing', () => {
    expect(judge(GOOD, rules)).toBe('good');
    expect(judge(BETWEEN, rules)).toBe('between');
    expect(judge({ ...GOOD, rttMs: null, packetLossPct: null, jitterMs: null, sdkNetworkQuality: null }, rules)).toBe('between');
  });
});

describe('a user', () => {
  it('is degraded after 20 s of bad reports, not before', () => {
    const { run, types } = setUp();
    run(15_000, [[1, 'room', BAD]]);
    expect(types()).toEqual([]);
    run(10_000, [[1, 'room', BAD]]);
    expect(types()).toEqual(['user.degraded:u1', 'user.notice:u1']);
  });

  it('a flapping network (bad 10 s, fine 5 s) never degrades', () => {
    const { run, types } = setUp();
    for (let i = 0; i < 8; i++) {
      run(10_000, [[1, 'room', BAD]]);
      run(5_000, [[1, 'room', GOOD]]);
    }
    expect(types()).toEqual([]);
  });

  it('recovers only after 30 s of clearly good reports; in-between figures hold the state', () => {
    const { run, types, monitor } = setUp();
    run(25_000, [[1, 'room', BAD]]);
    run(120_000, [[1, 'room', BETWEEN]]);
    expect(monitor.userHealth('u1')?.health).toBe('degraded');
    run(25_000, [[1, 'room', GOOD]]);
    expect(monitor.userHealth('u1')?.health).toBe('degraded');
    run(10_000, [[1, 'room', GOOD]]);
    expect(types()).toEqual(['user.degraded:u1', 'user.notice:u1', 'user.recovered:u1']);
  });

  it('is offered help at most once per 15 minutes, however often it degrades', () => {
    const { run, types } = setUp();
    for (let i = 0; i < 4; i++) {
      run(25_000, [[1, 'room', BAD]]);
      run(40_000, [[1, 'room', GOOD]]);
    }
    expect(types().filter((t) => t.startsWith('user.degraded'))).toHaveLength(4);
    expect(types().filter((t) => t.startsWith('user.notice'))).toHaveLength(1);
    run(15 * 60_000, [[1, 'room', GOOD]]);
    run(25_000, [[1, 'room', BAD]]);
    expect(types().filter((t) => t.startsWith('user.notice'))).toHaveLength(2);
  });

  it('stops counting when its reports stop, and is no longer degraded', () => {
    const { run, types, monitor } = setUp();
    run(25_000, [[1, 'room', BAD]]);
    run(80_000, []);
    expect(types()).toEqual(['user.degraded:u1', 'user.notice:u1', 'user.recovered:u1']);
    expect(monitor.userHealth('u1')).toBeNull();
  });
});

describe('a classroom', () => {
  const others = (from: number, to: number, room: string) =>
    Array.from({ length: to - from }, (_, i) => [from + i, room, GOOD] as [number, string, QualityReport]);

  it('three degraded users of ten: one classroom alert; another classroom nothing; then recovery after 30 s', () => {
    const { run, types, monitor } = setUp();
    const bad: [number, string, QualityReport][] = [
      [1, 'physics', BAD],
      [2, 'physics', BAD],
      [3, 'physics', BAD],
    ];
    run(25_000, [...bad, ...others(4, 11, 'physics'), [20, 'maths', GOOD]]);
    expect(types().filter((t) => t.startsWith('classroom'))).toEqual(['classroom.degraded:physics']);
    const physics = monitor.classroom('org-1', 'physics');
    expect(physics).toMatchObject({ health: 'degraded', reportingUsers: 10, degradedUsers: 3, incidentCondition: false });
    expect(physics?.affected.map((a) => a.endUserId).sort()).toEqual(['u1', 'u2', 'u3']);
    expect(monitor.classroom('org-1', 'maths')?.health).toBe('good');
    expect(types().filter((t) => t.endsWith(':u20') || t.endsWith(':maths'))).toEqual([]);
    // Users recover after 30 s of good reports; the classroom 30 s after that.
    run(35_000, [[1, 'physics', GOOD], [2, 'physics', GOOD], [3, 'physics', GOOD], ...others(4, 11, 'physics')]);
    expect(monitor.classroom('org-1', 'physics')?.health).toBe('degraded');
    run(30_000, [[1, 'physics', GOOD], [2, 'physics', GOOD], [3, 'physics', GOOD], ...others(4, 11, 'physics')]);
    expect(types().filter((t) => t.startsWith('classroom'))).toEqual(['classroom.degraded:physics', 'classroom.recovered:physics']);
  });

  it('two of five (40 %) is degraded by share; one of two is not (at least two users)', () => {
    const { run, monitor } = setUp();
    run(25_000, [[1, 'a', BAD], [2, 'a', BAD], ...others(3, 6, 'a'), [7, 'b', BAD], [8, 'b', GOOD]]);
    expect(monitor.classroom('org-1', 'a')?.health).toBe('degraded');
    expect(monitor.classroom('org-1', 'b')?.health).toBe('good');
  });

  it('an incident is due when half the class (three or more) is degraded for a minute, once', () => {
    const { run, types, changes } = setUp();
    const half: [number, string, QualityReport][] = [[1, 'c', BAD], [2, 'c', BAD], [3, 'c', BAD], ...others(4, 7, 'c')];
    run(75_000, half);
    expect(types().filter((t) => t.startsWith('incident'))).toEqual([]);
    run(10_000, half);
    expect(types().filter((t) => t.startsWith('incident'))).toEqual(['incident.due:c']);
    const due = changes.find((c) => c.type === 'incident.due');
    expect(due && 'affected' in due ? due.affected.sort() : null).toEqual(['u1', 'u2', 'u3']);
    run(120_000, half);
    expect(types().filter((t) => t.startsWith('incident'))).toEqual(['incident.due:c']);
    const fine = half.map(([n, room]) => [n, room, GOOD] as [number, string, QualityReport]);
    run(70_000, fine);
    expect(types().filter((t) => t.startsWith('incident'))).toEqual(['incident.due:c', 'incident.recovered:c']);
  });

  it('keeps a chart of the last 30 minutes and the minute figures', () => {
    const { run, monitor, clock } = setUp();
    run(120_000, [
      [1, 'c', BAD],
      [2, 'c', GOOD],
    ]);
    const chart = monitor.classroom('org-1', 'c')?.chart ?? [];
    expect(chart.length).toBeGreaterThanOrEqual(11);
    expect(chart.every((p) => p.rttMs === 490)).toBe(true);
    const minuteStart = clock.now() - (clock.now() % 60_000) - 60_000;
    const [row] = monitor.minute(minuteStart);
    expect(row).toMatchObject({ classroomId: 'c', users: 2, degradedUsers: 1, figures: { reports: 24, rttMs: 490, packetLossPct: 6.3 } });
  });
});

describe('a user’s quality history', () => {
  it('holds the latest 24 reports, oldest first, with their figures', () => {
    const { clock, monitor, user } = setUp();
    expect(monitor.history('u1')).toEqual([]);
    const first = clock.now();
    for (let i = 0; i < 30; i++) {
      clock.advance(5_000);
      monitor.report(user(1), 'c', { ...GOOD, rttMs: 100 + i });
    }
    const history = monitor.history('u1');
    expect(history).toHaveLength(24);
    expect(history[0]).toEqual({ at: first + 7 * 5_000, rttMs: 106, packetLossPct: GOOD.packetLossPct, jitterMs: GOOD.jitterMs });
    expect(history.at(-1)).toEqual({ at: first + 30 * 5_000, rttMs: 129, packetLossPct: GOOD.packetLossPct, jitterMs: GOOD.jitterMs });
    expect(history.map((h) => h.rttMs)).toEqual(Array.from({ length: 24 }, (_, i) => 106 + i));
  });
});

describe('a quality window', () => {
  it('averages only the buckets inside the span', () => {
    const window = new QualityWindow(5 * 60_000);
    const t0 = 1_700_000_000_000;
    window.add({ rttMs: 100, packetLossPct: null, jitterMs: 10 }, t0);
    window.add({ rttMs: 300, packetLossPct: 2, jitterMs: 30 }, t0 + 50_000);
    expect(window.figures(t0 + 55_000, 60_000)).toEqual({ reports: 2, rttMs: 200, packetLossPct: 2, jitterMs: 20 });
    expect(window.figures(t0 + 90_000, 60_000)).toEqual({ reports: 1, rttMs: 300, packetLossPct: 2, jitterMs: 30 });
    // After the span, a slot's old bucket is replaced, not added to.
    window.add({ rttMs: 50, packetLossPct: 0, jitterMs: 5 }, t0 + 5 * 60_000);
    expect(window.figures(t0 + 5 * 60_000, 60_000)).toEqual({ reports: 1, rttMs: 50, packetLossPct: 0, jitterMs: 5 });
  });
});
