// The RateLimits port on rate-limiter-flexible: RateLimiterMemory on one node, RateLimiterRedis when several
// nodes share one Redis. A Redis that is away never stops a request: each Redis limiter falls back to an
// in-memory one of the same shape (the library's "insurance limiter") until Redis answers again.
import type { Redis } from 'ioredis';
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { LimitSpec, RateLimit, RateLimits, Verdict, Window } from '../../domain/limits/rate-limits';

/** Every key a deployment with the default SUPPORT_REDIS_PREFIX writes to Redis for rate limits starts with this. */
export const RATE_LIMIT_PREFIX = 'cs:rl:';

type MakeLimiter = (keyPrefix: string, window: Window) => RateLimiterAbstract;

const inMemory: MakeLimiter = (keyPrefix, { points, seconds }) => new RateLimiterMemory({ keyPrefix, points, duration: seconds });

const inRedis =
  (client: Redis): MakeLimiter =>
  (keyPrefix, window) =>
    new RateLimiterRedis({
      storeClient: client,
      keyPrefix,
      points: window.points,
      duration: window.seconds,
      // Answer from memory at once while Redis reconnects, instead of queueing behind it.
      rejectIfRedisNotReady: true,
      insuranceLimiter: inMemory(keyPrefix, window),
    });

const allowed: Verdict = { allowed: true };

/** The library rejects with a RateLimiterRes when the key is out of points, and with an Error when its store failed. */
async function verdictOf(attempt: Promise<unknown>): Promise<Verdict> {
  try {
    await attempt;
    return allowed;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return { allowed: false, retryAfterMs: Math.max(1, Math.ceil(refusal.msBeforeNext)) };
    throw refusal;
  }
}

function rateLimit(make: MakeLimiter, spec: LimitSpec, prefix = RATE_LIMIT_PREFIX): RateLimit {
  const keyPrefix = `${prefix}${spec.name}`;
  const steady = make(keyPrefix, spec.rate);
  const consumer = spec.burst ? new BurstyRateLimiter(steady, make(`${keyPrefix}:burst`, spec.burst)) : steady;
  return {
    take: (key, points = 1) => verdictOf(consumer.consume(key, points)),
    takeFor: (key, seconds) => verdictOf(steady.consume(key, 1, { customDuration: Math.max(1, Math.ceil(seconds)) })),
    used: async (key) => (await steady.get(key))?.consumedPoints ?? 0,
    giveBack: async (key, points = 1) => {
      await steady.reward(key, points);
    },
    mark: async (key, seconds) => {
      await steady.set(key, 1, Math.max(1, Math.ceil(seconds)));
    },
    forget: async (key) => {
      await steady.delete(key);
    },
  };
}

/** Limits of this process only: the default of a single node. */
export function memoryRateLimits(): RateLimits {
  return { shared: (spec) => rateLimit(inMemory, spec), local: (spec) => rateLimit(inMemory, spec) };
}

/** Limits every node sharing this Redis agrees on; per-connection limits stay in memory (a socket lives on one node). */
export function redisRateLimits(client: Redis, prefix = RATE_LIMIT_PREFIX): RateLimits {
  return { shared: (spec) => rateLimit(inRedis(client), spec, prefix), local: (spec) => rateLimit(inMemory, spec) };
}
