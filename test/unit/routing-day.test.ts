// The routing policy on a synthetic school morning (the benchmark's day, shorter): deadline-first routing
// meets the P1 and P2 first-response targets more often than plain FIFO round-robin at the same staffing.
import { describe, expect, it } from 'vitest';
import { deadlineRouting } from '../../server/domain/routing/chat-routing-policy';
import { byPriority } from '../load/routing/day-report';
import { fifoRoundRobin } from '../load/routing/round-robin';
import { simulateDay } from '../load/routing/simulate-day';
import { syntheticDay } from '../load/routing/synthetic-day';

describe('routing a synthetic school morning', () => {
  it('meets P1 and P2 first-response targets more often than FIFO round-robin, and offers freed capacity at once', { timeout: 60_000 }, async () => {
    const day = syntheticDay({ seed: 3, hours: 4 });
    const end = Date.UTC(2026, 2, 2, 8) + day.endsAt;
    const ours = await simulateDay(day, deadlineRouting);
    const baseline = await simulateDay(day, fifoRoundRobin());
    const [o, b] = [byPriority(ours, end), byPriority(baseline, end)];
    expect(o.map((p) => p.chats)).toEqual(b.map((p) => p.chats));
    expect(o[0]?.met).toBeGreaterThan(b[0]?.met as number);
    expect(o[1]?.met).toBeGreaterThan(b[1]?.met as number);
    // Capacity that frees while chats wait is offered in the same instant (simulated time).
    expect(ours.reofferDelays.length).toBeGreaterThan(0);
    expect(Math.max(...ours.reofferDelays)).toBe(0);
  });
});
