// `npm run bench:queue`: a class starts — N visitors start their chats at the same instant with no agent online,
// then agents come online and take the first chats. Against a real server process and its SQLite store, prints
// how long until every visitor holds its correct place (checked against the store), how many queue messages
// the visitors got, and how slow the server answered /healthz meanwhile.
// Options: --visitors 500 --agents 5 --capacity 4 --timeout 300; --cpu-prof DIR writes the server's CPU profile
// there; --node-flags "…" passes flags to the server's node; --server-dir DIR runs another checkout's server (before/after comparisons).
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { deadlineRouting } from '../../server/domain/routing/chat-routing-policy';
import { openSqliteStore } from '../../server/store/sqlite/index';
import { AgentBot } from '../support/chat-bots';
import { freePort, MACHINE_SPEED, seedDeployment, signIn, startServerProcess } from '../support/server-process';
import { cpuMs } from './proc-stats';
import { WaitingVisitor } from './queue/waiting-visitor';

const { values } = parseArgs({
  options: {
    visitors: { type: 'string', default: '500' },
    agents: { type: 'string', default: '5' },
    capacity: { type: 'string', default: '4' },
    timeout: { type: 'string', default: '300' },
    'cpu-prof': { type: 'string' },
    /** Extra flags for the server's node (e.g. "--max-semi-space-size=64"), space-separated. */
    'node-flags': { type: 'string', default: '' },
    /** Another checkout's server (e.g. the code before a change), run against the same clients. */
    'server-dir': { type: 'string' },
  },
});
const VISITORS = Number(values.visitors);
const AGENTS = Number(values.agents);
const CAPACITY = Number(values.capacity);
const TIMEOUT_MS = Number(values.timeout) * 1000;
/** The server counts as done with a phase once no queue message has come for this long. */
const QUIET_MS = 3_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const progress = (what: string) => process.stderr.write(`… ${what}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function poll(what: string, test: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/**
 * Times /healthz every 100 ms while a phase runs: how long anything else waits on the server's event loop. The
 * probe runs in a worker thread, so the thousands of client sockets this process holds do not delay its timing.
 */
function probeHealth(url: string): () => Promise<{ p50: number; max: number }> {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
    const latencies = [];
    let running = true;
    parentPort.on('message', () => (running = false));
    (async () => {
      while (running) {
        const sent = performance.now();
        await fetch(workerData + '/healthz').then((r) => r.arrayBuffer(), () => undefined);
        latencies.push(performance.now() - sent);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      parentPort.postMessage(latencies);
    })();`,
    { eval: true, workerData: url },
  );
  const result = new Promise<number[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return async () => {
    worker.postMessage('stop');
    const latencies = (await result).sort((a, b) => a - b);
    await worker.terminate();
    return { p50: latencies[Math.floor(latencies.length / 2)] ?? Number.NaN, max: latencies.at(-1) ?? Number.NaN };
  };
}

async function main(): Promise<void> {
  progress('seeding the database and starting the server');
  const deployment = await seedDeployment({ agents: AGENTS, capacity: CAPACITY });
  const profile = values['cpu-prof'];
  const nodeArgs = [...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []), ...values['node-flags'].split(' ').filter(Boolean)];
  const server = await startServerProcess(deployment, await freePort(), {
    nodeArgs,
    env: MACHINE_SPEED,
    ...(values['server-dir'] ? { cwd: values['server-dir'] } : {}),
  });
  const store = openSqliteStore(join(deployment.dataDir, 'support.sqlite'));
  const visitors: WaitingVisitor[] = [];
  const agents: AgentBot[] = [];
  const rows: string[] = [];
  try {
    progress(`connecting ${VISITORS} visitors`);
    for (let i = 0; i < VISITORS; i++) {
      visitors.push(new WaitingVisitor(server.url, deployment.appKey, `Student ${i + 1}`));
      if (i % 50 === 49) await sleep(200);
    }
    await poll('visitors to connect', () => visitors.every((v) => v.hasSession));

    /** Waits until every visitor shows what the store says, then until the server falls quiet; one result row. */
    const phase = async (name: string, act: () => Promise<void>, final: () => Promise<boolean>) => {
      for (const visitor of visitors) visitor.resetCounts();
      const health = probeHealth(server.url);
      const cpuBefore = cpuMs(server.child.pid);
      const began = performance.now();
      await act();
      await poll('the store to settle', final);
      const order = deadlineRouting.orderQueue(await store.listQueued());
      const expected = new Map(order.map((c, i) => [c.id, i + 1]));
      await poll('every visitor to hold its place', () => visitors.every((v) => v.shows(expected)));
      const correct = performance.now() - began;
      const cpu = cpuMs(server.child.pid) - cpuBefore;
      await poll('the server to fall quiet', () => performance.now() - Math.max(0, ...visitors.map((v) => v.lastQueueMessageAt)) > QUIET_MS);
      const lastAt = Math.max(0, ...visitors.map((v) => v.lastQueueMessageAt));
      const { p50, max } = await health();
      const updates = visitors.reduce((n, v) => n + v.updates, 0);
      const deltas = visitors.reduce((n, v) => n + v.deltas, 0);
      const drops = visitors.reduce((n, v) => n + v.drops, 0);
      rows.push(
        `| ${name} | ${seconds(correct)} | ${lastAt > began ? seconds(lastAt - began) : '—'} | ${updates} | ${deltas} | ${p50.toFixed(0)} ms | ${max.toFixed(0)} ms | ${drops} | ${seconds(cpu)} |`,
      );
      progress(rows.at(-1)!);
    };

    progress(`${VISITORS} chats start at once, no agent online`);
    await phase(
      `${VISITORS} chats start at once`,
      async () => {
        await Promise.all(visitors.map((v) => v.start()));
      },
      async () => (await store.listQueued()).length === VISITORS,
    );

    progress(`${AGENTS} agents (capacity ${CAPACITY}) come online`);
    const cookies = await Promise.all(deployment.agents.map((a) => signIn(server.url, a.email, a.password)));
    const served = Math.min(VISITORS, AGENTS * CAPACITY);
    await phase(
      `${AGENTS} agents come online, ${served} chats served`,
      async () => {
        for (const cookie of cookies) agents.push(new AgentBot(cookie, { url: server.url, ackTimeoutMs: 60_000 }));
      },
      async () => (await store.listQueued()).length === VISITORS - served,
    );

    console.log(`\nQueue burst benchmark — ${VISITORS} visitors, then ${AGENTS} agents × capacity ${CAPACITY}`);
    console.log(
      `machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}; load average after: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
    );
    console.log(
      '| phase | every place right after | last queue message after | `conversation:updated` | `queue:position` | /healthz p50 | /healthz max | connections dropped | server CPU until right |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const row of rows) console.log(row);
  } finally {
    for (const bot of [...visitors, ...agents]) bot.close();
    await store.close();
    await server.stop();
    await deployment.remove();
  }
}

// Interrupted (Ctrl-C, a timeout): exit, so the server process is stopped too (see server-process.ts).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
await main();
