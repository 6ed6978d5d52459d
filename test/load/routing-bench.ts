// `npm run bench:routing`: a synthetic school day (P1–P4 mix, bursts when classes start, agents with
// capacities and shifts) replayed through the real routing code with a fake clock, for our routing and for
// plain FIFO round-robin at the same staffing; then the real server's re-offer delay on loopback.
// Options: --seed 42 --hours 10 --base-rate 0.8 --burst-rate 4 --reoffers 40; --no-closing-cap replays ours as it
// was before chats were due by closing time at the latest.
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { deadlineRouting } from '../../server/domain/routing/chat-routing-policy';
import { byPriority, perPlan, sideBySide } from './routing/day-report';
import { measureReofferOnServer } from './routing/reoffer-on-server';
import { fifoRoundRobin } from './routing/round-robin';
import { simulateDay } from './routing/simulate-day';
import { syntheticDay } from './routing/synthetic-day';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '42' },
    hours: { type: 'string', default: '10' },
    'base-rate': { type: 'string', default: '0.8' },
    'burst-rate': { type: 'string', default: '4' },
    reoffers: { type: 'string', default: '40' },
    'no-closing-cap': { type: 'boolean', default: false },
  },
});

const day = syntheticDay({
  seed: Number(values.seed),
  hours: Number(values.hours),
  baseRate: Number(values['base-rate']),
  burstRate: Number(values['burst-rate']),
});
const seats = day.staffing.reduce((sum, s) => sum + s.capacity, 0);
console.log(
  `Synthetic day: ${day.arrivals.length} chats over ${values.hours} h, bursts at every class start; ${day.staffing.length} agents, ${seats} seats in total, staggered shifts.`,
);

const started = performance.now();
const ours = await simulateDay(day, deadlineRouting, { closingCap: !values['no-closing-cap'] });
const baseline = await simulateDay(day, fifoRoundRobin());
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const dedicated = day.arrivals.filter((a) => a.plan === 'Dedicated').length;
console.log(`${dedicated} chats from schools on the Dedicated plan (faster targets), the rest on Standard; desk open 08:00–18:30.`);
console.log(`\nFirst response by priority (both policies on the same day, real Router + SQLite store, fake clock; ${seconds} s):\n`);
console.log(sideBySide(ours, baseline, Date.UTC(2026, 2, 2, 8) + day.endsAt));
console.log(`\nFirst response met by plan and priority, ours / round-robin (chats):\n`);
console.log(perPlan(ours, baseline, Date.UTC(2026, 2, 2, 8) + day.endsAt));
const maxReoffer = Math.max(0, ...ours.reofferDelays);
console.log(`\nSimulated re-offer delay when capacity frees with chats waiting: max ${maxReoffer} ms over ${ours.reofferDelays.length} cases.`);

const reoffer = await measureReofferOnServer(Number(values.reoffers));
console.log(
  `Real server on loopback (${cpus().length} cores): close → next queued chat assigned at the agent's console, ` +
    `p50 ${reoffer.p50.toFixed(1)} ms, p95 ${reoffer.p95.toFixed(1)} ms, max ${reoffer.max.toFixed(1)} ms over ${reoffer.count} closes.`,
);

const end = Date.UTC(2026, 2, 2, 8) + day.endsAt;
const [o, b] = [byPriority(ours, end), byPriority(baseline, end)];
const behind = o
  .map((row, i) => ({ priority: row.priority, gap: row.met - (b[i]?.met ?? 0) }))
  .filter((row) => row.gap < 0)
  .map((row) => `${row.priority} ${(row.gap * 100).toFixed(1)} points`);
console.log(`\nNo priority worse than round-robin: ${behind.length === 0 ? 'yes' : `no (${behind.join(', ')})`}.`);
if (o[0]?.met !== 1 || o[1]?.met !== 1) {
  console.error('\nOur routing did not meet every P1 and P2 first-response target.');
  process.exit(1);
}
