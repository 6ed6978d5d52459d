// SIGTERM drains a node behind the load balancer: /healthz turns 503 first, writes in progress are finished,
// every client reconnects through the balancer to the other node and carries on; a message in flight at the
// signal is either acked and stored, or not acked and resent after the reconnect, and stored once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBalancedCluster, type BalancedCluster } from '../support/balanced-cluster';
import { seedDeployment, type Deployment } from '../support/server-process';
import { ChatRun } from './support/chat-run';

const DRAIN_DELAY_MS = 1_000;

describe('SIGTERM drains a node', () => {
  let deployment: Deployment;
  let cluster: BalancedCluster;
  let run: ChatRun | undefined;

  beforeAll(async () => {
    deployment = await seedDeployment({ agents: 3, capacity: 10, store: 'sqlite' });
    // Nodes share one SQLite file. Live events reach only sockets on the node that emits them, so everyone
    // starts on node 1 (node 2 is not up yet) and moves to node 2 together.
    cluster = await startBalancedCluster({ nodes: 2, deployment, startNow: 1, env: { SUPPORT_DRAIN_DELAY_MS: String(DRAIN_DELAY_MS) } });
  });
  afterAll(async () => {
    run?.close();
    await cluster?.close();
    await deployment?.remove();
  });

  it('moves every client to the other node without losing, doubling or reordering a message', async () => {
    const first = cluster.node(0);
    run = await ChatRun.start(
      // Long enough to be still running once the second node is up (a quick machine sent 40 a side in a second).
      { visitors: 20, perSide: 40, thinkMs: { min: 60, max: 200 }, transportsFor: (i) => (i % 4 === 0 ? ['polling'] : ['websocket']) },
      deployment,
      first.url,
      cluster.balancer.url,
    );
    await expect.poll(() => run!.acked(), { timeout: 30_000, interval: 20 }).toBeGreaterThanOrEqual(run.total * 0.3);
    await cluster.start(1);
    await expect.poll(() => cluster.balancer.healthy().length, { timeout: 5_000 }).toBe(2);

    const exited = new Promise<number | null>((resolve) => first.child.once('exit', (code) => resolve(code)));
    // The signal lands while messages are on their way: on a quick machine an ack follows its send within a
    // millisecond, so wait for a moment with some unanswered (the point is that in-flight writes are finished).
    const inFlight = () => run!.visitors.reduce((sum, bot) => sum + (bot.sentAt.size - bot.ackedAt.size), 0);
    const waitUntil = Date.now() + 5_000;
    while (inFlight() === 0 && Date.now() < waitUntil) await new Promise((resolve) => setImmediate(resolve));
    const inFlightAtSignal = inFlight();
    first.child.kill('SIGTERM');
    // Still serving, but telling the balancer to send new clients elsewhere.
    await expect
      .poll(
        () =>
          fetch(`${first.url}/healthz`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 500, interval: 20 },
      )
      .toBe(503);
    await expect.poll(() => cluster.balancer.healthy(), { timeout: DRAIN_DELAY_MS }).toEqual([cluster.names[1]]);
    expect(await exited).toBe(0);
    expect(first.output()).not.toMatch(/"level":(50|60)/);

    await run.finished(60_000);
    await run.catchUp();
    run.close();
    await cluster.node(1).stop();
    const { problems, messages } = await run.verify(deployment);
    expect(problems).toEqual([]);
    expect(messages).toBeGreaterThanOrEqual(run.total);
    // Everyone ended up on the second node: it took new connections after the first one drained.
    expect(cluster.balancer.sent.get(cluster.names[1]!) ?? 0).toBeGreaterThanOrEqual(23);
    expect(inFlightAtSignal).toBeGreaterThan(0);
    console.info(`drain: ${inFlightAtSignal} messages in flight at SIGTERM; ${messages} messages stored`);
  }, 90_000);
});
