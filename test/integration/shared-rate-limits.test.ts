// Rate limits shared through Redis: two server instances on one Redis (database 2) count together, so a second
// node is no way around a limit; and while Redis is away each node limits on its own, without waiting for it.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organisation } from '../../server/domain/records';
import { FLOOD_LIMITS } from '../../server/domain/limits/flood-limits';
import { RATE_LIMIT_PREFIX, redisRateLimits } from '../../server/store/rate-limits/flexible-rate-limits';
import { startTestServer, type TestServer } from '../support/server';

const REDIS_URL = 'redis://127.0.0.1:6379/2';

async function signIn(server: TestServer, email: string, password: string): Promise<number> {
  const res = await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return res.status;
}

function connects(server: TestServer, appKey: string): Promise<boolean> {
  const socket = server.visitor({ appKey });
  return new Promise((resolve) => {
    socket.once('session', () => {
      socket.disconnect();
      resolve(true);
    });
    socket.once('connect_error', () => resolve(false));
  });
}

describe('rate limits shared through Redis', () => {
  let redis: Redis;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    redis = new Redis(REDIS_URL);
    // Database 2 is this suite's own; start from no counts (earlier runs also signed in from 127.0.0.1).
    await redis.flushdb();
    a = await startTestServer({ redisUrl: REDIS_URL });
    b = await startTestServer({ redisUrl: REDIS_URL });
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis.flushdb();
    redis.disconnect();
  });

  it('counts sign-in attempts on both nodes together', async () => {
    // The same account on both nodes (each has its own database, the limits are keyed by email and address).
    const email = `shared-${Date.now()}@school.test`;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await signIn(a, email, 'wrong'), await signIn(b, email, 'wrong'));
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const keys = await redis.keys(`${RATE_LIMIT_PREFIX}*`);
    expect(keys.length).toBeGreaterThan(0);
    // Emails are never written into Redis in the clear.
    expect(keys.some((key) => key.includes(email))).toBe(false);
  });

  it('counts new anonymous visitors from one address on both nodes together', async () => {
    const orgA: Organisation = await a.organisation({ identityRequired: false });
    const orgB: Organisation = await b.organisation({ identityRequired: false });
    const outcomes = await Promise.all(Array.from({ length: 160 }, (_, i) => (i % 2 ? connects(a, orgA.appKey) : connects(b, orgB.appKey))));
    const { rate, burst } = FLOOD_LIMITS['anonymous.identity'];
    expect(outcomes.filter(Boolean).length).toBe(rate.points + (burst?.points ?? 0));
  }, 60_000);
});

describe('rate limits while Redis is away', () => {
  // Nothing listens on port 1: the client never becomes ready, and every limit answers from memory at once.
  const away = new Redis('redis://127.0.0.1:1/2', { lazyConnect: true, maxRetriesPerRequest: null });
  afterAll(() => away.disconnect());

  it('still answers at once, and still limits, from memory', async () => {
    const limit = redisRateLimits(away).shared({ name: 'away-test', rate: { points: 3, seconds: 60 } });
    const started = Date.now();
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await limit.take('someone'));
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false]);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
