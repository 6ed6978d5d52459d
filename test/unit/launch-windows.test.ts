// Launch windows' rules: one priority more urgent (never above P1), tighter quality rules (never looser), and
// the book that answers "launching now?" from a cache a change refreshes at once.
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUALITY_RULES, type QualityRules } from '../../shared/quality';
import type { LaunchWindow } from '../../shared/desk';
import { LaunchWindowBook, launchRules, raisedForLaunch } from '../../server/domain/desk/launch-windows';
import type { Store } from '../../server/domain/ports';
import { initialRouting } from '../../server/domain/routing/initial-routing';
import { FakeClock } from '../support/fake-clock';

describe('launch windows', () => {
  it('raise a priority one step, P1 staying P1, for tickets and new chats', () => {
    expect(['P1', 'P2', 'P3', 'P4'].map((p) => raisedForLaunch(p as 'P1'))).toEqual(['P1', 'P1', 'P2', 'P3']);
    expect(initialRouting({}, 'question', 0).priority).toBe('P4');
    expect(initialRouting({}, 'question', 0, null, raisedForLaunch).priority).toBe('P3');
    expect(initialRouting({ liveClass: true, role: 'teacher' }, 'cannot_take_part', 0, null, raisedForLaunch).priority).toBe('P1');
  });

  it('watch classrooms by tighter rules, never looser than the organisation’s own', () => {
    const tight = launchRules(DEFAULT_QUALITY_RULES);
    expect(tight.user.rttMs).toBeLessThan(DEFAULT_QUALITY_RULES.user.rttMs);
    expect(tight.user.packetLossPct).toBeLessThan(DEFAULT_QUALITY_RULES.user.packetLossPct);
    expect(tight.user.degradedAfterMs).toBe(10_000);
    expect(tight.classroom).toMatchObject({ minUsers: 2, minUsersForShare: 1 });
    expect(tight.classroom.share).toBeCloseTo(0.2);
    expect(tight.incident).toEqual(DEFAULT_QUALITY_RULES.incident);
    const strict: QualityRules = {
      ...DEFAULT_QUALITY_RULES,
      user: { ...DEFAULT_QUALITY_RULES.user, degradedAfterMs: 2_000 },
      classroom: { ...DEFAULT_QUALITY_RULES.classroom, minUsers: 1, minUsersForShare: 1 },
    };
    expect(launchRules(strict).user.degradedAfterMs).toBe(2_000);
    expect(launchRules(strict).classroom).toMatchObject({ minUsers: 1, minUsersForShare: 1 });
  });

  it('are known at once on the node that changed them, and within the refresh time elsewhere', async () => {
    const clock = new FakeClock(1_000_000);
    let stored: LaunchWindow[] = [];
    const store = { listLaunchWindows: async (_org: string | null, from: number) => stored.filter((w) => w.endsAt > from) } as unknown as Store;
    const book = new LaunchWindowBook({
      store,
      clock,
      onError: (e) => {
        throw e;
      },
    });
    expect(await book.activeNow('org')).toBeNull();
    stored = [{ id: 'w', organisationId: 'org', title: 'Launch', startsAt: 1_000_000, endsAt: 2_000_000, createdBy: 'a', createdAt: 0 }];
    // Cached: another node's change is not seen yet …
    expect(book.activeFor('org')).toBeNull();
    // … until the cache is older than 30 s.
    clock.advance(31_000);
    expect(await book.activeNow('org')).toMatchObject({ id: 'w' });
    expect(book.activeFor('other')).toBeNull();
    stored = [];
    await book.changed();
    expect(book.activeFor('org')).toBeNull();
  });
});
