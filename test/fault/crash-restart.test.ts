// The server process is killed with SIGKILL in the middle of a busy exchange and started again on the same
// port: every acknowledged message survives exactly once, every unacknowledged one is resent and stored once.
import { describe, expect, it } from 'vitest';
import { MACHINE_SPEED, startServerProcess } from '../support/server-process';
import { useFaultBed } from './support/fault-bed';

describe('kill -9 and restart mid-run', () => {
  const bed = useFaultBed();

  it('keeps every acknowledged message exactly once and stores every resent one once, in order', async () => {
    const { proxy, deployment } = bed;
    proxy.cutRandomly({ minMs: 300, maxMs: 2_500 });
    const run = await bed.startRun();
    await expect.poll(() => run.acked(), { timeout: 30_000, interval: 20 }).toBeGreaterThanOrEqual(run.total * 0.4);
    await bed.server.kill9();
    const ackedBeforeCrash = run.acked();
    expect(ackedBeforeCrash).toBeLessThan(run.total);
    await new Promise((r) => setTimeout(r, 500));
    bed.server = await startServerProcess(deployment, bed.server.port, { env: MACHINE_SPEED });

    await run.finished(60_000);
    proxy.cutRandomly(null);
    await run.catchUp();
    run.close();
    await bed.server.stop();
    const { problems, messages } = await run.verify(deployment);
    expect(problems).toEqual([]);
    expect(messages).toBeGreaterThanOrEqual(2_000);
    console.info(`crash-restart: killed after ${ackedBeforeCrash} acks; ${messages} messages stored, ${proxy.stats.cuts} connections cut`);
  }, 120_000);
});
