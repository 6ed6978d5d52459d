// `npm run bench:delivery`: N visitors and M agents on loopback, first against our server (real processes, the
// real store), then, in the same run with the same clients, against the floor: a bare Socket.IO relay that makes
// each message durable in SQLite before acking (delivery/floor-relay.ts). Prints throughput, visitor-send →
// agent-receive and ack latency, lost/duplicated counts, both p99s and their ratio.
// Options: --visitors 500 --agents 5 --rate 200 --seconds 30 --warmup 3; --postgres (a throw-away PostgreSQL
// database), --redis (Redis database 4 under a prefix of its own), --nodes 2 (needs --redis; clients spread);
// --cpu-prof DIR writes our server's CPU profile there; --no-floor skips the floor.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { removeRedisKeys } from '../support/cluster';
import { freePort, MACHINE_SPEED, seedDeployment, signIn, startServerProcess, type ServerProcess } from '../support/server-process';
import { percentile, progress, runWorkload, storeCallsOf, type Figures, type Plan } from './delivery/workload';

const { values } = parseArgs({
  options: {
    visitors: { type: 'string', default: '500' },
    agents: { type: 'string', default: '5' },
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '3' },
    nodes: { type: 'string', default: '1' },
    postgres: { type: 'boolean', default: false },
    redis: { type: 'boolean', default: false },
    floor: { type: 'boolean', default: true },
    /** Writes each node's CPU profile into this directory (summarise with profile/cpu-profile-top.ts). */
    'cpu-prof': { type: 'string' },
  },
  allowNegative: true,
});
const plan: Plan = {
  visitors: Number(values.visitors),
  agents: Number(values.agents),
  rate: Number(values.rate),
  seconds: Number(values.seconds),
  warmup: Number(values.warmup),
};
const NODES = Number(values.nodes);
const REDIS_URL = process.env.REDIS_BENCH_URL ?? 'redis://127.0.0.1:6379/4';
if (NODES > 1 && !values.redis) throw new Error('--nodes above 1 needs --redis: without it events stay on the node that emits them');

async function ours(): Promise<Figures> {
  progress(`seeding ${values.postgres ? 'a PostgreSQL database' : 'a SQLite database'} and starting ${NODES} node(s)`);
  const deployment = await seedDeployment({
    agents: plan.agents,
    capacity: Math.ceil(plan.visitors / plan.agents) + 1,
    store: values.postgres ? 'postgres' : 'sqlite',
  });
  const prefix = `cs-bench-${randomBytes(6).toString('hex')}`;
  const env = { ...MACHINE_SPEED, ...(values.redis ? { REDIS_URL, SUPPORT_REDIS_PREFIX: prefix } : {}) };
  const nodes: ServerProcess[] = [];
  try {
    const profile = values['cpu-prof'];
    const nodeArgs = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
    for (let i = 0; i < NODES; i++) nodes.push(await startServerProcess(deployment, await freePort(), { env, nodeArgs }));
    const at = (i: number) => nodes[i % NODES]!.url;
    return await runWorkload(
      {
        visitorUrl: at,
        // Agents on the node after their visitors' where there are several: deliveries cross nodes.
        agentUrl: (i) => at(i + 1),
        appKey: deployment.appKey,
        agentCookie: (i) => signIn(at(i + 1), deployment.agents[i]!.email, deployment.agents[i]!.password),
        pids: nodes.map((node) => node.child.pid!),
        storeCalls: async () => (await Promise.all(nodes.map((node) => storeCallsOf(node.url)))).reduce((a, b) => a + b, 0),
      },
      plan,
    );
  } finally {
    await Promise.all(nodes.map((node) => node.stop()));
    await deployment.remove();
    if (values.redis) await removeRedisKeys(prefix, REDIS_URL);
  }
}

async function floor(): Promise<Figures> {
  progress('starting the floor: a bare Socket.IO relay, one SQLite insert with fsync per message');
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-floor-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/load/delivery/floor-relay.ts', String(port), dataDir], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const guard = () => child.kill('SIGKILL');
  process.once('exit', guard);
  try {
    const url = `http://127.0.0.1:${port}`;
    for (
      let tries = 0;
      !(await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      ));
      tries++
    ) {
      if (tries > 300) throw new Error('the floor relay did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    return await runWorkload({ visitorUrl: () => url, agentUrl: () => url, appKey: 'floor', agentCookie: async () => '', pids: [child.pid!] }, plan);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    process.off('exit', guard);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(9);
const row = (name: string, values: number[]) =>
  `${name.padEnd(40)} ${ms(percentile(values, 50))} ${ms(percentile(values, 95))} ${ms(percentile(values, 99))} ${ms(values.at(-1) ?? Number.NaN)}`;

function report(name: string, f: Figures): void {
  console.log(`\n${name}`);
  console.log(`messages sent                      ${f.sent} in ${f.elapsed.toFixed(1)} s = ${(f.sent / f.elapsed).toFixed(1)} msg/s`);
  console.log(`acknowledged                       ${f.sent - f.unacked}`);
  console.log(`lost (acked, never at the agent)   ${f.lost}`);
  console.log(`duplicated at the agent            ${f.duplicates}`);
  console.log(`not acknowledged in time           ${f.unacked}`);
  console.log(`server CPU                         ${(f.serverCpu * 100).toFixed(0)} % of one core`);
  console.log(`bench clients CPU                  ${(f.clientCpu * 100).toFixed(0)} % of one core`);
  if (f.storeCallsPerMessage !== null) console.log(`store calls per message            ${f.storeCallsPerMessage.toFixed(1)}`);
  console.log('');
  console.log(`${'latency'.padEnd(40)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'p99'.padStart(9)} ${'max'.padStart(9)}`);
  console.log(row('visitor send → agent receive', f.endToEnd));
  console.log(row('visitor send → ack', f.ack));
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  const store = `${values.postgres ? 'PostgreSQL' : 'SQLite (WAL, group commit)'}${values.redis ? ' + Redis' : ''}, ${NODES} node${NODES > 1 ? 's' : ''}`;
  const ourFigures = await ours();
  const floorFigures = values.floor ? await floor() : null;
  console.log(
    `\nDelivery benchmark — ${plan.visitors} visitors, ${plan.agents} agents, target ${plan.rate} msg/s for ${plan.seconds} s (after ${plan.warmup} s warm-up)`,
  );
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}; load average before the run: ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`,
  );
  report(`ours: ${store}; every message durable before its ack`, ourFigures);
  if (floorFigures) {
    report('floor: bare Socket.IO relay, one SQLite insert per message (synchronous=FULL, fsync) before the ack', floorFigures);
    const ratio = percentile(ourFigures.endToEnd, 99) / percentile(floorFigures.endToEnd, 99);
    console.log(
      `\np99 send → agent: ours ${ms(percentile(ourFigures.endToEnd, 99)).trim()}, floor ${ms(percentile(floorFigures.endToEnd, 99)).trim()}`,
    );
    console.log(`ratio to floor (p99, send → agent): ${ratio.toFixed(1)}×`);
  }
  if (ourFigures.lost > 0 || ourFigures.duplicates > 0 || ourFigures.unacked > 0) process.exitCode = 1;
}

// Interrupted (Ctrl-C, a timeout): exit, so the server processes are stopped too (see server-process.ts).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
await main();
