// The widget's folding of quality samples with a fake clock: one report per 5 s at most, sent while bad,
// when it changed, or as a 30 s keep-alive; junk fields ignored.
import { describe, expect, it } from 'vitest';
import { grade, QualityFold } from './fold';

function setUp() {
  let now = 1_000_000;
  const fold = new QualityFold(() => now);
  /** One sample a second for `seconds`, then what the fold would send. */
  const period = (seconds: number, sample: Record<string, unknown>) => {
    for (let i = 0; i < seconds; i++) {
      fold.add(sample);
      now += 1_000;
    }
    return fold.take();
  };
  return { fold, period, advance: (ms: number) => (now += ms) };
}

describe('quality folding', () => {
  it('folds a period into means, worst grade, summed freezes', () => {
    const { fold, period } = setUp();
    expect(fold.dueIn()).toBe(5_000);
    fold.add({ rttMs: 100, packetLossPct: 1, freezes: 1, sdkNetworkQuality: 'good' });
    const report = period(4, { rttMs: 200, jitterMs: 30, freezes: 2, sdkNetworkQuality: 3, audioLevelLow: true });
    expect(report).toEqual({
      samples: 5,
      periodMs: 4_000,
      rttMs: 180,
      packetLossPct: 1,
      jitterMs: 30,
      freezes: 9,
      audioLevelLow: true,
      sdkNetworkQuality: 3,
    });
  });

  it('sends the first report, then while bad every period, and a steady good one only as a keep-alive', () => {
    const { period } = setUp();
    const good = { rttMs: 90, packetLossPct: 0.5, jitterMs: 10 };
    expect(period(5, good)).not.toBeNull();
    // Steady and fine: nothing for 25 s, then the keep-alive at 30 s.
    const quiet = [period(5, good), period(5, good), period(5, good), period(5, good), period(5, good)];
    expect(quiet).toEqual([null, null, null, null, null]);
    expect(period(5, good)).not.toBeNull();
    // Bad: every period.
    expect([period(5, { ...good, rttMs: 700 }), period(5, { ...good, packetLossPct: 9 })].every(Boolean)).toBe(true);
    // The first fine period after bad ones says so.
    expect(period(5, good)).not.toBeNull();
    expect(period(5, good)).toBeNull();
    // A clear change is sent even though it is not bad.
    expect(period(5, { ...good, rttMs: 300 })).toMatchObject({ rttMs: 300 });
  });

  it('ignores junk: strings, negatives, NaN, missing objects', () => {
    const { fold, period } = setUp();
    fold.add({ rttMs: 'fast', packetLossPct: -3, jitterMs: Number.NaN, freezes: Infinity } as never);
    fold.add(undefined as never);
    expect(period(1, { rttMs: 1e12 })).toMatchObject({ samples: 3, rttMs: 600_000, packetLossPct: null, jitterMs: null, freezes: 0 });
    expect([grade('DOWN'), grade(' vbad '), grade('unknown'), grade(9), grade('meh')]).toEqual([6, 5, 0, 6, null]);
  });

  it('the next report is due 5 s after the previous one', () => {
    const { fold, period, advance } = setUp();
    period(5, { rttMs: 900 });
    advance(2_000);
    expect(fold.dueIn()).toBe(3_000);
    advance(4_000);
    expect(fold.dueIn()).toBe(0);
    fold.add({ rttMs: 900 });
    expect(fold.take()).not.toBeNull();
    expect(fold.dueIn()).toBe(5_000);
  });
});
