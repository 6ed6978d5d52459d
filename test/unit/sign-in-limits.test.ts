// The sign-in limits on the real rate-limiter-flexible memory store, in fake time: what a person mistyping,
// a password sprayer, a guesser behind many addresses and the admin under attack each meet.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../server/domain/errors';
import { accountDelaySeconds, SIGN_IN_LIMITS, SignInLimits } from '../../server/domain/limits/sign-in-limits';
import { memoryRateLimits } from '../../server/store/rate-limits/flexible-rate-limits';
import { useFakeTime } from '../support/fake-time';

let time: ReturnType<typeof useFakeTime>;
let limits: SignInLimits;

beforeEach(() => {
  time = useFakeTime();
  limits = new SignInLimits(memoryRateLimits());
});
afterEach(() => time.restore());

/** undefined when admitted, else the refusal's retry-after. */
async function attempt(email: string, address: string): Promise<number | undefined> {
  try {
    await limits.admit(email, address);
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'rate_limited') throw error;
    expect(error.retryAfterMs).toBeGreaterThan(0);
    return error.retryAfterMs;
  }
}

const nthAddress = (i: number) => `198.51.${Math.floor(i / 250)}.${(i % 250) + 1}`;

describe('sign-in limits', () => {
  it('give a person 5 tries a minute from one address, then say how long to wait', async () => {
    for (let i = 0; i < 5; i++) expect(await attempt('ada@school.test', '203.0.113.7')).toBeUndefined();
    const wait = await attempt('ada@school.test', '203.0.113.7');
    expect(wait).toBeGreaterThan(50_000);
    expect(wait).toBeLessThanOrEqual(60_000);
    time.advance(60_000);
    expect(await attempt('ada@school.test', '203.0.113.7')).toBeUndefined();
  });

  it('throttle password spraying: many emails from one address', async () => {
    const answers = [];
    for (let i = 0; i < 60; i++) answers.push(await attempt(`user${i}@school.test`, '203.0.113.9'));
    expect(answers.slice(0, SIGN_IN_LIMITS.perAddress.points).every((a) => a === undefined)).toBe(true);
    expect(answers.slice(SIGN_IN_LIMITS.perAddress.points).every((a) => a !== undefined)).toBe(true);
    // Another address is not affected.
    expect(await attempt('user0@school.test', '203.0.113.10')).toBeUndefined();
  });

  it('count an IPv6 /64 as one address, and another /64 apart', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.points; i++) {
      expect(await attempt(`user${i}@school.test`, `2001:db8:aa:bb::${(i + 1).toString(16)}`)).toBeUndefined();
    }
    expect(await attempt('next@school.test', '2001:db8:aa:bb:ffff:1:2:3')).toBeDefined();
    expect(await attempt('next@school.test', '2001:db8:aa:bc::1')).toBeUndefined();
  });

  it('space out guesses on one account from ever new addresses with a growing delay', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.freeFailures; i++) expect(await attempt('admin@school.test', nthAddress(i))).toBeUndefined();
    // One try per delay, whatever the address: 1 s, then 2 s, then 4 s …
    const waits: number[] = [];
    for (let i = SIGN_IN_LIMITS.freeFailures; waits.length < 3; i++) {
      const wait = await attempt('admin@school.test', nthAddress(i));
      if (wait === undefined) continue;
      waits.push(wait);
      time.advance(wait);
    }
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
    expect(waits[2]!).toBeGreaterThan(waits[1]!);
  });

  it('never delay more than the cap, so the right password from a new address gets in after the wait', async () => {
    // A long attack from a thousand addresses.
    for (let i = 0; i < 1_000; i++) {
      const wait = await attempt('admin@school.test', nthAddress(i));
      if (wait !== undefined) expect(wait).toBeLessThanOrEqual(SIGN_IN_LIMITS.maxDelaySeconds * 1000);
      time.advance(1_000);
    }
    const wait = await attempt('admin@school.test', '192.0.2.200');
    time.advance(wait ?? 0);
    expect(await attempt('admin@school.test', '192.0.2.201')).toBeUndefined();
    await limits.succeeded('admin@school.test', '192.0.2.201');
    expect(await attempt('admin@school.test', '192.0.2.201')).toBeUndefined();
  });

  it('let an address that signed in to the account before skip the account delay', async () => {
    await limits.admit('admin@school.test', '192.0.2.1');
    await limits.succeeded('admin@school.test', '192.0.2.1');
    for (let i = 0; i < 50; i++) await attempt('admin@school.test', nthAddress(i));
    expect(await attempt('admin@school.test', nthAddress(51))).toBeDefined();
    expect(await attempt('admin@school.test', '192.0.2.1')).toBeUndefined();
  });

  it('forget failures once the password was right', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.freeFailures; i++) await attempt('ada@school.test', nthAddress(i));
    await limits.succeeded('ada@school.test', nthAddress(0));
    for (let i = 10; i < 10 + SIGN_IN_LIMITS.freeFailures; i++) expect(await attempt('ada@school.test', nthAddress(i))).toBeUndefined();
  });

  it('grows the delay by doubling up to the cap', () => {
    const { freeFailures: free, maxDelaySeconds: cap } = SIGN_IN_LIMITS;
    expect([free - 1, free, free + 1, free + 2, free + 3].map((n) => accountDelaySeconds(n))).toEqual([0, 1, 2, 4, 8]);
    expect(accountDelaySeconds(free + 100)).toBe(cap);
  });
});
