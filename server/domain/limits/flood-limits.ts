// Token buckets against floods: what one connection, one user (over all their tabs and every node) and one
// address (for new anonymous visitors) may do how fast. The numbers and why they never touch a person using
// the product normally are in docs/security.md ("Rate limits"); `factor` scales them all (SUPPORT_RATE_LIMIT_FACTOR).
import { DomainError } from '../errors';
import type { LimitSpec, RateLimit, RateLimits } from './rate-limits';

export type FloodAction =
  | 'visitor.message'
  | 'visitor.typing'
  | 'visitor.ticket'
  | 'visitor.callback'
  | 'visitor.upload'
  | 'agent.message'
  | 'agent.typing'
  | 'agent.ticket'
  | 'agent.upload'
  | 'anonymous.identity';

type Bucket = Omit<LimitSpec, 'name'>;

/** Per connection and per address; a user gets twice this over all their connections (two tabs, two devices). */
export const FLOOD_LIMITS: Record<FloodAction, Bucket> = {
  // 1 a second for as long as they like, with room for 60 more at once: an outbox resending after a drop.
  'visitor.message': { rate: { points: 10, seconds: 10 }, burst: { points: 60, seconds: 60 } },
  // The widget sends "typing" at most every 2 s, and "typing" + "stopped" around each message: 2 a second at most.
  'visitor.typing': { rate: { points: 30, seconds: 10 }, burst: { points: 60, seconds: 60 } },
  'visitor.ticket': { rate: { points: 5, seconds: 600 }, burst: { points: 5, seconds: 3600 } },
  // Every call-back rings an alarm on every console.
  'visitor.callback': { rate: { points: 3, seconds: 600 }, burst: { points: 2, seconds: 3600 } },
  'visitor.upload': { rate: { points: 10, seconds: 60 }, burst: { points: 20, seconds: 600 } },
  // Agents answer several chats at once, canned replies included: generous.
  'agent.message': { rate: { points: 30, seconds: 10 }, burst: { points: 200, seconds: 60 } },
  'agent.typing': { rate: { points: 60, seconds: 10 }, burst: { points: 120, seconds: 60 } },
  'agent.ticket': { rate: { points: 30, seconds: 60 }, burst: { points: 100, seconds: 600 } },
  'agent.upload': { rate: { points: 30, seconds: 60 }, burst: { points: 60, seconds: 600 } },
  // A class of 40 (or three) starting at once behind one school address, then 30 a minute.
  'anonymous.identity': { rate: { points: 30, seconds: 60 }, burst: { points: 60, seconds: 600 } },
};

/** Who is acting: any of these that is given is counted. */
export interface FloodKeys {
  connection?: string;
  /** A user, an agent, an API token: one identity over all its connections and nodes. */
  actor?: string;
  /** A client address group (see address-group.ts). */
  address?: string;
}

const scaled = ({ rate, burst }: Bucket, factor: number): Bucket => {
  const times = (points: number) => Math.max(1, Math.round(points * factor));
  return { rate: { ...rate, points: times(rate.points) }, ...(burst ? { burst: { ...burst, points: times(burst.points) } } : {}) };
};

const MESSAGES: Record<FloodAction, string> = {
  'visitor.message': 'You are sending messages very quickly; slow down a little',
  'visitor.typing': 'Too many typing notices',
  'visitor.ticket': 'You have opened many tickets in a short time; please wait a little',
  'visitor.callback': 'You have asked for many call-backs in a short time; please wait a little',
  'visitor.upload': 'Too many uploads in a short time; please wait a little',
  'agent.message': 'You are sending replies very quickly; slow down a little',
  'agent.typing': 'Too many typing notices',
  'agent.ticket': 'Too many tickets created in a short time; please wait a little',
  'agent.upload': 'Too many uploads in a short time; please wait a little',
  'anonymous.identity': 'Too many new visitors from this network; trying again shortly',
};

export class FloodLimits {
  private readonly buckets = new Map<string, RateLimit>();

  constructor(
    private readonly limits: RateLimits,
    private readonly factor = 1,
  ) {}

  /** Counts the action for each key given, or throws `rate_limited` with how long to wait. */
  async take(action: FloodAction, keys: FloodKeys): Promise<void> {
    const counted: [RateLimit, string][] = [];
    if (keys.connection) counted.push([this.bucket(action, 'connection'), keys.connection]);
    if (keys.actor) counted.push([this.bucket(action, 'actor'), keys.actor]);
    if (keys.address) counted.push([this.bucket(action, 'address'), keys.address]);
    for (const [bucket, key] of counted) {
      const verdict = await bucket.take(key);
      if (!verdict.allowed) throw new DomainError('rate_limited', MESSAGES[action], verdict.retryAfterMs);
    }
  }

  private bucket(action: FloodAction, per: keyof FloodKeys): RateLimit {
    const name = `${action}:${per}`;
    let bucket = this.buckets.get(name);
    if (!bucket) {
      // A connection lives on one node; the others are shared so several nodes (and tabs) add up.
      const spec = { name, ...scaled(FLOOD_LIMITS[action], per === 'actor' ? this.factor * 2 : this.factor) };
      bucket = per === 'connection' ? this.limits.local(spec) : this.limits.shared(spec);
      this.buckets.set(name, bucket);
    }
    return bucket;
  }
}
