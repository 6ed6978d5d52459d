import { describe, expect, it } from 'vitest';
import { ConnectionGate, type GateClock } from './connection-gate';

/** A clock the test moves by hand; `later` callbacks run only when the test lets the event loop turn. */
function manualClock() {
  let now = 0;
  let pending: (() => void)[] = [];
  const clock: GateClock & { advance(ms: number): void; turn(): void; pendingCount(): number } = {
    now: () => now,
    later: (fn) => void pending.push(fn),
    advance: (ms) => {
      now += ms;
    },
    turn() {
      const run = pending;
      pending = [];
      for (const fn of run) fn();
    },
    pendingCount: () => pending.length,
  };
  return clock;
}

const microtasks = () => new Promise<void>((resolve) => queueMicrotask(resolve)).then(() => undefined);
const flushMicrotasks = async () => {
  for (let i = 0; i < 10; i++) await microtasks();
};

describe('ConnectionGate', () => {
  it('gives the connection to one holder at a time, in the order they asked', async () => {
    const gate = new ConnectionGate(1_000, manualClock());
    const order: number[] = [];
    let inside = 0;
    let most = 0;
    await Promise.all(
      [1, 2, 3, 4, 5].map(async (n) => {
        await gate.acquire();
        inside += 1;
        most = Math.max(most, inside);
        order.push(n);
        await microtasks();
        inside -= 1;
        gate.release();
      }),
    );
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(1);
    expect(gate.waiting).toBe(0);
  });

  it('is free again once the last holder releases it', async () => {
    const gate = new ConnectionGate(1_000, manualClock());
    await gate.acquire();
    gate.release();
    let got = false;
    void gate.acquire().then(() => (got = true));
    await flushMicrotasks();
    expect(got).toBe(true);
  });

  it('hands over after I/O once the waiters have kept the event loop busy for a slice', async () => {
    const clock = manualClock();
    const gate = new ConnectionGate(8, clock);
    const got: number[] = [];
    await gate.acquire();
    for (const n of [1, 2, 3]) void gate.acquire().then(() => got.push(n));

    clock.advance(5);
    gate.release();
    await flushMicrotasks();
    expect(got).toEqual([1]); // within the slice: at once

    clock.advance(5);
    gate.release();
    await flushMicrotasks();
    expect(got).toEqual([1]); // 10 ms into the turn: the next waiter waits for the event loop
    expect(gate.waiting).toBe(1);

    clock.turn();
    await flushMicrotasks();
    expect(got).toEqual([1, 2]);
    clock.advance(1);
    gate.release();
    await flushMicrotasks();
    expect(got).toEqual([1, 2, 3]); // a new slice began with that turn
  });

  it('starts a new slice when the event loop turned while nobody waited', async () => {
    const clock = manualClock();
    const gate = new ConnectionGate(8, clock);
    await gate.acquire();
    const second = gate.acquire();
    clock.advance(20);
    clock.turn(); // the loop turned while the first holder worked (e.g. it awaited I/O)
    gate.release();
    let got = false;
    void second.then(() => (got = true));
    await flushMicrotasks();
    // 20 ms since the first holder got it, but the loop has turned since: a fresh slice, handed over at once.
    expect(got).toBe(true);
  });

  it('without a turn of the event loop, the same long holder makes the next one wait for I/O', async () => {
    const clock = manualClock();
    const gate = new ConnectionGate(8, clock);
    await gate.acquire();
    const second = gate.acquire();
    clock.advance(20);
    gate.release();
    let got = false;
    void second.then(() => (got = true));
    await flushMicrotasks();
    expect(got).toBe(false);
    clock.turn();
    await flushMicrotasks();
    expect(got).toBe(true);
  });
});

describe('ConnectionGate when nobody waits', () => {
  it('hands a free connection over at once while the event loop is young, and after I/O once it went a slice without a turn', async () => {
    const clock = manualClock();
    const gate = new ConnectionGate(8, clock);
    await gate.acquire();
    gate.release();
    // A burst: request after request, each done synchronously, no turn of the loop in between.
    clock.advance(9);
    let got = false;
    const late = gate.acquire().then(() => (got = true));
    // Whoever asks meanwhile comes after it.
    const order: string[] = [];
    void late.then(() => order.push('late'));
    const next = gate.acquire().then(() => order.push('next'));
    await flushMicrotasks();
    expect(got).toBe(false);
    clock.turn();
    await flushMicrotasks();
    expect(got).toBe(true);
    gate.release();
    await next;
    expect(order).toEqual(['late', 'next']);
  });

  it('does not delay a lone caller after a quiet moment', async () => {
    const clock = manualClock();
    const gate = new ConnectionGate(8, clock);
    await gate.acquire();
    gate.release();
    clock.advance(60_000);
    clock.turn(); // the loop turned: the slice is over
    let got = false;
    void gate.acquire().then(() => (got = true));
    await flushMicrotasks();
    expect(got).toBe(true);
  });
});

describe('ConnectionGate with a long queue', () => {
  it('keeps arrival order across thousands of waiters', async () => {
    const gate = new ConnectionGate(1_000, manualClock());
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 5_000 }, async (_, n) => {
        await gate.acquire();
        order.push(n);
        gate.release();
      }),
    );
    expect(order).toEqual(Array.from({ length: 5_000 }, (_, n) => n));
    expect(gate.waiting).toBe(0);
  });
});
