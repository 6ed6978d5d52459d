// Flood limits on the real rate-limiter-flexible memory store, in fake time: bursts, refills, keys apart,
// the factor, and the normal use they must never touch.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../server/domain/errors';
import { FLOOD_LIMITS, FloodLimits, type FloodAction, type FloodKeys } from '../../server/domain/limits/flood-limits';
import { memoryRateLimits } from '../../server/store/rate-limits/flexible-rate-limits';
import { useFakeTime } from '../support/fake-time';

let time: ReturnType<typeof useFakeTime>;
beforeEach(() => {
  time = useFakeTime();
});
afterEach(() => time.restore());

/** How many of `count` actions in a row get through (refusals must carry a retry-after). */
async function allowedOf(floods: FloodLimits, action: FloodAction, keys: FloodKeys, count: number): Promise<number> {
  let allowed = 0;
  for (let i = 0; i < count; i++) {
    try {
      await floods.take(action, keys);
      allowed++;
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'rate_limited', retryAfterMs: expect.any(Number) });
    }
  }
  return allowed;
}

const atOnce = (action: FloodAction) => FLOOD_LIMITS[action].rate.points + (FLOOD_LIMITS[action].burst?.points ?? 0);

describe('flood limits', () => {
  it('let a burst through, then refuse, then refill at the steady rate', async () => {
    const floods = new FloodLimits(memoryRateLimits());
    const burst = atOnce('visitor.message');
    expect(await allowedOf(floods, 'visitor.message', { connection: 'c1' }, 3_000)).toBe(burst);
    time.advance(10_000);
    expect(await allowedOf(floods, 'visitor.message', { connection: 'c1' }, 100)).toBe(FLOOD_LIMITS['visitor.message'].rate.points);
  });

  it('say how long to wait: until the steady window refills', async () => {
    const floods = new FloodLimits(memoryRateLimits());
    await allowedOf(floods, 'visitor.callback', { actor: 'u1' }, 100);
    time.advance(1_000);
    const refusal = await floods.take('visitor.callback', { actor: 'u1' }).catch((error: DomainError) => error);
    expect(refusal).toMatchObject({ code: 'rate_limited' });
    expect((refusal as DomainError).retryAfterMs).toBeGreaterThan(590_000);
    expect((refusal as DomainError).retryAfterMs).toBeLessThanOrEqual(600_000);
  });

  it('count one user over all their connections, at twice one connection', async () => {
    const floods = new FloodLimits(memoryRateLimits());
    let allowed = 0;
    for (let tab = 0; tab < 10; tab++) allowed += await allowedOf(floods, 'visitor.ticket', { connection: `tab${tab}`, actor: 'u1' }, 20);
    expect(allowed).toBe(2 * atOnce('visitor.ticket'));
    expect(await allowedOf(floods, 'visitor.ticket', { connection: 'tab-other', actor: 'u2' }, 1)).toBe(1);
  });

  it('let a class of 40 new visitors from one school address start at once, but not 300', async () => {
    const floods = new FloodLimits(memoryRateLimits());
    expect(await allowedOf(floods, 'anonymous.identity', { address: '203.0.113.5' }, 40)).toBe(40);
    expect(await allowedOf(floods, 'anonymous.identity', { address: '203.0.113.5' }, 260)).toBeLessThan(60);
  });

  it('never stop a person typing fast: a message every second and the typing notices around it, for ten minutes', async () => {
    const floods = new FloodLimits(memoryRateLimits());
    const who = { connection: 'c1', actor: 'u1' };
    for (let second = 0; second < 600; second++) {
      await floods.take('visitor.message', who);
      await floods.take('visitor.typing', who); // "stopped" on send
      if (second % 2 === 0) await floods.take('visitor.typing', who); // "typing" at most every 2 s
      time.advance(1_000);
    }
  });

  it('scale with the factor', async () => {
    const floods = new FloodLimits(memoryRateLimits(), 10);
    expect(await allowedOf(floods, 'visitor.callback', { connection: 'c1' }, 1_000)).toBe(10 * atOnce('visitor.callback'));
  });
});
