// A classroom on a weak network (300 ms round trip, 10% loss), some students on long-polling: the chat still
// delivers every message exactly once and in order, within a bounded time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, MACHINE_SPEED, seedDeployment, startServerProcess, type Deployment, type ServerProcess } from '../support/server-process';
import { ChatRun } from './support/chat-run';
import { openWeakNetwork, type WeakPath } from './support/weak-network';

describe('a weak network profile', () => {
  let deployment: Deployment;
  let server: ServerProcess;
  let path: WeakPath;
  let clientUrl: string;
  let run: ChatRun | undefined;

  beforeAll(async () => {
    deployment = await seedDeployment({ agents: 2, capacity: 10 });
    path = openWeakNetwork({ latencyMs: 300, loss: 0.1 });
    server = await startServerProcess(deployment, await freePort(), { host: path.serverHost, wrap: path.wrap, env: MACHINE_SPEED });
    clientUrl = await path.connect(server.port);
  });
  afterAll(async () => {
    run?.close();
    await server?.stop();
    await path?.close();
    await deployment?.remove();
  });

  it('delivers every message exactly once and in order at 300 ms and 10% loss', async () => {
    const started = Date.now();
    run = await ChatRun.start(
      {
        visitors: 6,
        perSide: 15,
        thinkMs: { min: 50, max: 300 },
        ackTimeoutMs: 8_000,
        transportsFor: (i) => (i % 2 === 0 ? ['polling'] : ['websocket']),
      },
      deployment,
      server.url,
      clientUrl,
    );
    await run.finished(50_000);
    await run.catchUp();
    run.close();
    await server.stop();
    const { problems, messages } = await run.verify(deployment);
    expect(problems).toEqual([]);
    expect(messages).toBeGreaterThanOrEqual(180);
    console.info(`weak-network (${path.kind}): ${messages} messages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 90_000);
});
