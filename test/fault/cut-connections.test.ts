// 20 students and 3 agents exchange 2,000 messages while a proxy cuts their connections at random:
// nothing lost, nothing doubled, every sender's order kept, in the database and on both sides' screens.
import { describe, expect, it } from 'vitest';
import { useFaultBed } from './support/fault-bed';

describe('connections cut at random', () => {
  const bed = useFaultBed();

  it('delivers 2,000 messages exactly once and in order on both sides', async () => {
    const { proxy, deployment } = bed;
    // Every connection lives 0.15–1.5 s; a quarter of the students are on long-polling.
    proxy.cutRandomly({ minMs: 150, maxMs: 1_500 });
    // Paced so the exchange lasts at least 8 s however fast the machine is: long enough for well over 100
    // cuts while messages are in flight (a 5 s run once made only 78).
    const run = await bed.startRun({ thinkMs: { min: 60, max: 260 } });
    await run.finished(60_000);
    proxy.cutRandomly(null);
    await run.catchUp();
    expect(proxy.stats.cuts).toBeGreaterThan(100);

    run.close();
    await bed.server.stop();
    const { problems, messages, liveDuplicates } = await run.verify(deployment);
    expect(problems).toEqual([]);
    expect(messages).toBeGreaterThanOrEqual(2_000);
    console.info(
      `cut-connections: ${messages} messages stored, ${proxy.stats.cuts} connections cut, ${liveDuplicates} duplicate live deliveries merged away`,
    );
  }, 120_000);
});
