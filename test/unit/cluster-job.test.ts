// The cluster job timer and the audit log's secret filter, with a fake clock over a real (in-memory) store:
// a job runs at start and then once per interval, two processes' timers over one store run it once per
// interval between them, a failed run does not stop the timer, and secrets never reach an entry.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../server/domain/ports';
import { AuditLog, withoutSecrets } from '../../server/domain/privacy/audit-log';
import { ClusterJob } from '../../server/domain/privacy/cluster-job';
import { openSqliteStore } from '../../server/store/sqlite/index';
import { FakeClock } from '../support/fake-clock';
import { FakeTimers } from '../support/fake-timers';
import { anAgent } from '../support/records';

const HOUR = 3_600_000;
const MINUTE = 60_000;

describe('cluster job', () => {
  let store: Store;
  let clock: FakeClock;
  let timers: FakeTimers;
  const jobs: ClusterJob[] = [];
  beforeEach(async () => {
    store = openSqliteStore(':memory:');
    await store.migrate();
    clock = new FakeClock();
    timers = new FakeTimers(clock, () => Promise.all(jobs.map((j) => j.idle())).then(() => undefined));
  });
  afterEach(async () => {
    for (const job of jobs.splice(0)) job.stop();
    await store.close();
  });

  const job = (runs: number[], run: (now: number) => Promise<void> = async (now) => void runs.push(now), errors: unknown[] = []) => {
    const created = new ClusterJob(
      { store, clock, timers },
      { name: 'nightly', intervalMs: HOUR, pollMs: MINUTE, run, onError: (e) => errors.push(e) },
    );
    jobs.push(created);
    return created;
  };

  it('runs at start, then once per interval', async () => {
    const runs: number[] = [];
    const start = clock.now();
    job(runs).start();
    await timers.advance(3 * HOUR);
    expect(runs).toEqual([start, start + HOUR, start + 2 * HOUR, start + 3 * HOUR]);
  });

  it('runs once per interval between two processes polling the same database', async () => {
    const a: number[] = [];
    const b: number[] = [];
    job(a).start();
    job(b).start();
    await timers.advance(5 * HOUR);
    expect(a.length + b.length).toBe(6);
    expect([...a, ...b].sort((x, y) => x - y)).toEqual(Array.from({ length: 6 }, (_, i) => 1_700_000_000_000 + i * HOUR));
    expect((await store.getJob('nightly'))?.runs).toBe(6);
  });

  it('keeps polling after a failed run, and tries again at the next interval', async () => {
    const errors: unknown[] = [];
    const runs: number[] = [];
    let fail = true;
    job(
      runs,
      async (now) => {
        if (fail) {
          fail = false;
          throw new Error('database busy');
        }
        runs.push(now);
      },
      errors,
    ).start();
    await timers.advance(HOUR);
    expect(errors).toHaveLength(1);
    expect(runs).toEqual([clock.now()]);
  });
});

describe('audit log', () => {
  it('never stores a secret, however a caller names it', async () => {
    expect(withoutSecrets({ name: 'Kim', password: 'x', identitySecret: 'y', changes: { apiToken: 'z', role: 'admin' }, passwordHash: 'h' })).toEqual(
      {
        name: 'Kim',
        changes: { role: 'admin' },
      },
    );
    const store = openSqliteStore(':memory:');
    await store.migrate();
    const log = new AuditLog({ store, clock: new FakeClock(), newId: () => '00000000-0000-4000-8000-000000000001' });
    const admin = anAgent({ role: 'admin' });
    await log.record({
      actor: { kind: 'agent', agent: admin },
      action: 'organisation.updated',
      details: { allowedOrigins: Array.from({ length: 200 }, (_, i) => `https://school-${i}.example`) },
    });
    const page = await log.list(admin, { limit: 10 });
    expect(page.entries[0]?.details).toEqual({ truncated: true, fields: ['allowedOrigins'] });
    await expect(log.list(anAgent({ role: 'supervisor' }), { limit: 10 })).rejects.toMatchObject({ code: 'forbidden' });
    await store.close();
  });
});
