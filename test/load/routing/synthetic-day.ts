// A synthetic school day for the routing benchmark: arrivals with a P1–P4 mix and bursts when classes start,
// and agents with capacities and shifts. Seeded, so both policies see exactly the same day.
import type { Priority } from '../../../shared/chat-priority';
import type { Tier } from '../../../shared/model';
import type { BusinessHours, SupportPlan } from '../../../shared/support-plan';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface Arrival {
  /** Minutes after the day starts (08:00). */
  at: number;
  priority: Priority;
  /** How long the chat takes once an agent has it, ms. */
  handleMs: number;
  /** The support plan of the school the chat comes from. */
  plan: BenchPlanName;
}

export type BenchPlanName = 'Standard' | 'Dedicated';

/** The desk is staffed 08:00–18:30 on weekdays (the shifts below); both plans say so. */
const DESK_HOURS: BusinessHours = {
  timeZone: 'UTC',
  week: {
    mon: [{ from: '08:00', to: '18:30' }],
    tue: [{ from: '08:00', to: '18:30' }],
    wed: [{ from: '08:00', to: '18:30' }],
    thu: [{ from: '08:00', to: '18:30' }],
    fri: [{ from: '08:00', to: '18:30' }],
    sat: [],
    sun: [],
  },
  holidays: [],
  p1AlwaysOn: true,
};
const target = (firstResponseMinutes: number) => ({ firstResponseMinutes, resolutionMinutes: null });

/**
 * Most schools on the standard plan (the chat targets: 15 min … 4 h); one in five chats from schools on a
 * dedicated plan with first responses twice as fast.
 */
export const BENCH_PLANS: Record<BenchPlanName, { share: number; targets: SupportPlan['targets']; businessHours: BusinessHours }> = {
  Standard: { share: 0.8, targets: { P1: target(15), P2: target(30), P3: target(120), P4: target(240) }, businessHours: DESK_HOURS },
  Dedicated: { share: 0.2, targets: { P1: target(10), P2: target(15), P3: target(60), P4: target(120) }, businessHours: DESK_HOURS },
};

export interface Shift {
  name: string;
  tier: Tier;
  capacity: number;
  /** ms after 08:00. */
  from: number;
  to: number;
}

export interface SyntheticDay {
  arrivals: Arrival[];
  staffing: Shift[];
  /** When the last shift ends (ms after 08:00): what is still waiting then is a miss. */
  endsAt: number;
}

/** mulberry32: small, fast, good enough to make the same day twice. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** UUID-shaped ids from a seed, for a simulation that must come out the same every run. */
export function seededIds(seed: number): () => string {
  const random = seededRandom(seed ^ 0x5eed);
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  return () => `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
}

/** Normal hours: mostly questions; the first minutes of a class: people who cannot join or hear. */
const MIX: Record<'quiet' | 'class-start', Array<[Priority, number]>> = {
  quiet: [
    ['P1', 0.03],
    ['P2', 0.12],
    ['P3', 0.35],
    ['P4', 0.5],
  ],
  'class-start': [
    ['P1', 0.15],
    ['P2', 0.3],
    ['P3', 0.35],
    ['P4', 0.2],
  ],
};

/** Mean handling time once an agent has the chat. */
const HANDLE_MINUTES: Record<Priority, number> = { P1: 18, P2: 15, P3: 12, P4: 8 };

export interface DayOptions {
  seed?: number;
  /** Hours of classes from 08:00 (a class starts every hour on the hour). */
  hours?: number;
  /** Chats per minute between bursts. */
  baseRate?: number;
  /** Chats per minute in the first `burstMinutes` of each class. */
  burstRate?: number;
  burstMinutes?: number;
}

export function syntheticDay({ seed = 42, hours = 10, baseRate = 0.8, burstRate = 4, burstMinutes = 10 }: DayOptions = {}): SyntheticDay {
  const random = seededRandom(seed);
  // Plans drawn from a stream of their own, so that the arrivals stay those of earlier runs of the same seed.
  const planRandom = seededRandom(seed ^ 0x9a11);
  const exponential = (mean: number) => -Math.log(1 - random()) * mean;
  const pick = (mix: Array<[Priority, number]>): Priority => {
    let r = random();
    for (const [priority, share] of mix) {
      r -= share;
      if (r < 0) return priority;
    }
    return mix[mix.length - 1]![0];
  };

  const arrivals: Arrival[] = [];
  // A Poisson process whose rate steps up for the first minutes of every hour.
  for (let minute = 0; minute < hours * 60; ) {
    const burst = minute % 60 < burstMinutes;
    minute += exponential(1 / (burst ? burstRate : baseRate));
    if (minute >= hours * 60) break;
    const priority = pick(MIX[minute % 60 < burstMinutes ? 'class-start' : 'quiet']);
    const plan: BenchPlanName = planRandom() < BENCH_PLANS.Dedicated.share ? 'Dedicated' : 'Standard';
    arrivals.push({ at: minute, priority, handleMs: Math.max(2, exponential(HANDLE_MINUTES[priority])) * MINUTE, plan });
  }

  // Staggered shifts: fewer people early and late, everyone over midday.
  const shift = (name: string, tier: Tier, capacity: number, from: number, to: number): Shift => ({
    name,
    tier,
    capacity,
    from: from * HOUR,
    to: to * HOUR,
  });
  const end = hours + 0.5;
  const staffing = [
    shift('L1 Ana', 'L1', 3, 0, 8),
    shift('L1 Ben', 'L1', 3, 0, 8),
    shift('L1 Cai', 'L1', 2, 0, 8),
    shift('L1 Dee', 'L1', 3, 2, end),
    shift('L1 Eli', 'L1', 3, 2, end),
    shift('L1 Fay', 'L1', 2, 4, end),
    shift('L2 Gus', 'L2', 2, 0, 8),
    shift('L2 Hal', 'L2', 2, 2, end),
    shift('L2 Ivy', 'L2', 2, 4, end),
  ];
  return { arrivals, staffing, endsAt: end * HOUR };
}
