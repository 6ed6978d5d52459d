// Figures of a simulated day: first-response target met, mean and p95 wait by priority, and the spread of
// load across agents; and the side-by-side table the benchmark prints.
import { PRIORITIES, type Priority } from '../../../shared/chat-priority';
import type { DayOutcome } from './simulate-day';

export interface PriorityFigures {
  priority: Priority | 'all';
  chats: number;
  /** Share answered by the first-response deadline (unanswered at the end of the day: missed). */
  met: number;
  meanWaitMin: number;
  p95WaitMin: number;
}

export interface LoadSpread {
  /** Chats per seat-hour (on-shift hours × capacity): lowest and highest agent, coefficient of variation. */
  minPerHour: number;
  maxPerHour: number;
  cv: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function byPriority(day: DayOutcome, endsAt: number): PriorityFigures[] {
  return PRIORITIES.map((priority) =>
    figures(
      priority,
      day.chats.filter((c) => c.priority === priority),
      endsAt,
    ),
  );
}

/** The same figures over every chat of the day. */
export const overall = (day: DayOutcome, endsAt: number): PriorityFigures => figures('all', day.chats, endsAt);

function figures(priority: Priority | 'all', chats: DayOutcome['chats'], endsAt: number): PriorityFigures {
  const waits = chats.map((c) => ((c.firstReplyAt ?? endsAt) - c.arrivedAt) / 60_000).sort((a, b) => a - b);
  const met = chats.filter((c) => c.firstReplyAt !== null && c.firstReplyAt <= c.dueAt).length;
  return {
    priority,
    chats: chats.length,
    met: chats.length ? met / chats.length : 1,
    meanWaitMin: waits.reduce((sum, w) => sum + w, 0) / Math.max(1, waits.length),
    p95WaitMin: percentile(waits, 95),
  };
}

export function loadSpread(day: DayOutcome, tier?: string): LoadSpread {
  // Per seat: an agent with capacity 3 is meant to carry half again as much as one with capacity 2.
  const rates = day.agents.filter((a) => !tier || a.tier === tier).map((a) => a.chats / (a.shiftHours * a.capacity));
  const mean = rates.reduce((s, r) => s + r, 0) / rates.length;
  const sd = Math.sqrt(rates.reduce((s, r) => s + (r - mean) ** 2, 0) / rates.length);
  return { minPerHour: Math.min(...rates), maxPerHour: Math.max(...rates), cv: mean ? sd / mean : 0 };
}

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const min = (value: number) => `${value.toFixed(1)} min`;

/** A Markdown table, ours beside the baseline, row by row. */
export function sideBySide(ours: DayOutcome, baseline: DayOutcome, endsAt: number): string {
  const a = byPriority(ours, endsAt);
  const b = byPriority(baseline, endsAt);
  const lines = [
    `| priority | chats | target (standard / dedicated plan) | met: ${ours.policy} | met: ${baseline.policy} | mean wait: ours | mean wait: RR | p95 wait: ours | p95 wait: RR |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const targets: Record<Priority | 'all', string> = { P1: '15 / 10 min', P2: '30 / 15 min', P3: '2 h / 60 min', P4: '4 h / 2 h', all: '' };
  [...a, overall(ours, endsAt)].forEach((row, i) => {
    const rr = b[i] ?? overall(baseline, endsAt);
    lines.push(
      `| ${row.priority} | ${row.chats} | ${targets[row.priority]} | ${pct(row.met)} | ${pct(rr.met)} | ${min(row.meanWaitMin)} | ${min(rr.meanWaitMin)} | ${min(row.p95WaitMin)} | ${min(rr.p95WaitMin)} |`,
    );
  });
  const spread = (l: LoadSpread) => `${l.minPerHour.toFixed(2)}–${l.maxPerHour.toFixed(2)}, CV ${l.cv.toFixed(2)}`;
  lines.push('', '| load spread: chats per seat-hour, lowest–highest agent | ours | round-robin |', '| --- | --- | --- |');
  for (const [label, tier] of [
    ['all agents', undefined],
    ['L1 agents', 'L1'],
    ['L2 agents', 'L2'],
  ] as const) {
    lines.push(`| ${label} | ${spread(loadSpread(ours, tier))} | ${spread(loadSpread(baseline, tier))} |`);
  }
  return lines.join('\n');
}

/** Attainment per plan and priority, ours / round-robin: how each customer's promise was kept. */
export function perPlan(ours: DayOutcome, baseline: DayOutcome, endsAt: number): string {
  const plans = [...new Set(ours.chats.map((c) => c.plan))].sort();
  const lines = ['| plan | chats | P1 | P2 | P3 | P4 | all |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |'];
  for (const plan of plans) {
    const o = ours.chats.filter((c) => c.plan === plan);
    const b = baseline.chats.filter((c) => c.plan === plan);
    const cell = (priority: Priority | 'all') => {
      const pick = (chats: DayOutcome['chats']) => (priority === 'all' ? chats : chats.filter((c) => c.priority === priority));
      const [fo, fb] = [figures(priority, pick(o), endsAt), figures(priority, pick(b), endsAt)];
      return `${pct(fo.met)} / ${pct(fb.met)} (${fo.chats})`;
    };
    lines.push(`| ${plan} | ${o.length} | ${PRIORITIES.map(cell).join(' | ')} | ${cell('all')} |`);
  }
  return lines.join('\n');
}
