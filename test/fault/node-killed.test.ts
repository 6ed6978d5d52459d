// Three nodes on one database and one Redis behind the load balancer; 20 students and 3 agents exchange 2,000
// messages while one node is killed with SIGKILL and started again. Its clients reconnect through the balancer
// to the other nodes and carry on: zero lost, zero duplicated, each sender's order kept, on every screen.
import { randomBytes } from 'node:crypto';
import { removeRedisKeys } from '../support/cluster';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBalancedCluster, type BalancedCluster } from '../support/balanced-cluster';
import { seedDeployment, type Deployment } from '../support/server-process';
import { ChatRun } from './support/chat-run';

/** This suite's Redis database; each run has a key prefix of its own, removed afterwards. */
const REDIS_URL = process.env.REDIS_FAULT_URL ?? 'redis://127.0.0.1:6379/4';

describe('a node killed with SIGKILL behind the balancer', () => {
  const prefix = `cs-fault-${randomBytes(6).toString('hex')}`;
  let deployment: Deployment;
  let cluster: BalancedCluster;
  let run: ChatRun | undefined;

  beforeAll(async () => {
    // SQLite shared by the nodes, or PostgreSQL with TEST_STORE=postgres.
    deployment = await seedDeployment({ agents: 3, capacity: 10 });
    cluster = await startBalancedCluster({ nodes: 3, deployment, env: { REDIS_URL, SUPPORT_REDIS_PREFIX: prefix } });
  });
  afterAll(async () => {
    run?.close();
    await cluster?.close();
    await deployment?.remove();
    await removeRedisKeys(prefix, REDIS_URL);
  });

  it('loses, doubles and reorders nothing while its clients move to the other nodes', async () => {
    const began = performance.now();
    const phase = (what: string) => console.info(`node-killed: ${what} at ${((performance.now() - began) / 1000).toFixed(1)} s`);
    run = await ChatRun.start(
      { visitors: 20, perSide: 50, thinkMs: { min: 5, max: 60 }, transportsFor: (i) => (i % 4 === 0 ? ['polling'] : ['websocket']) },
      deployment,
      cluster.node(0).url,
      cluster.balancer.url,
    );
    await expect.poll(() => run!.acked(), { timeout: 40_000, interval: 20 }).toBeGreaterThanOrEqual(run.total * 0.25);
    // The clients are spread over all three nodes, the victim included.
    const before = cluster.names.map((name) => cluster.balancer.sent.get(name) ?? 0);
    expect(before.every((sent) => sent > 0)).toBe(true);

    phase('a quarter acked');
    const victim = cluster.node(1);
    await victim.kill9();
    const ackedAtKill = run.acked();
    expect(ackedAtKill).toBeLessThan(run.total);
    await new Promise((r) => setTimeout(r, 1_000));
    // The run goes on on the other two nodes while the killed one comes back.
    const restarted = cluster.start(1).then(() => phase('restarted'));

    await run.finished(60_000);
    await restarted;
    phase('finished');
    await run.catchUp();
    run.close();
    await cluster.close();
    const { problems, messages, liveDuplicates } = await run.verify(deployment);
    expect(problems).toEqual([]);
    expect(messages).toBeGreaterThanOrEqual(2_000);
    console.info(
      `node killed after ${ackedAtKill} acks; ${messages} messages stored; requests per node before the kill ${before.join('/')}; ${liveDuplicates} repeated live deliveries (merged by seq)`,
    );
  }, 90_000);
});
