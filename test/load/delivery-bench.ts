// `npm run bench:delivery`: N visitors and M agents on loopback against a real server process with the real
// SQLite store. Visitors send at a fixed total rate; prints throughput, visitor-send → agent-receive latency,
// ack latency, and lost/duplicated counts. Options: --visitors 500 --agents 5 --rate 200 --seconds 30.
import { cpus, loadavg, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ChatMessage } from '../../shared/model';
import { AgentBot, VisitorBot } from '../support/chat-bots';
import { freePort, MACHINE_SPEED, seedDeployment, signIn, startServerProcess } from '../support/server-process';

const { values } = parseArgs({
  options: {
    visitors: { type: 'string', default: '500' },
    agents: { type: 'string', default: '5' },
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '3' },
  },
});
const VISITORS = Number(values.visitors);
const AGENTS = Number(values.agents);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const WARMUP = Number(values.warmup);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const progress = (what: string) => process.stderr.write(`… ${what}\n`);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

async function until(what: string, test: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function main(): Promise<void> {
  progress('seeding the database and starting the server');
  const deployment = await seedDeployment({ agents: AGENTS, capacity: Math.ceil(VISITORS / AGENTS) + 1 });
  const server = await startServerProcess(deployment, await freePort(), { env: MACHINE_SPEED });
  const received = new Map<string, number>();
  let duplicates = 0;
  const onAgentLive = (message: ChatMessage, at: number) => {
    if (message.authorKind !== 'visitor' || !message.clientId) return;
    if (received.has(message.clientId)) duplicates += 1;
    else received.set(message.clientId, at);
  };
  const agents: AgentBot[] = [];
  const visitors: VisitorBot[] = [];
  try {
    for (const agent of deployment.agents) {
      const cookie = await signIn(server.url, agent.email, agent.password);
      agents.push(new AgentBot(cookie, { url: server.url, onLive: onAgentLive, ackTimeoutMs: 30_000 }));
    }
    progress(`connecting ${AGENTS} agents and ${VISITORS} visitors`);
    await until('agents to connect', () => agents.every((a) => a.settled), 30_000);

    // Visitors connect and start their chats in batches, as a class arriving over a few seconds.
    for (let i = 0; i < VISITORS; i++) {
      visitors.push(new VisitorBot(deployment.appKey, `Student ${i + 1}`, { url: server.url, ackTimeoutMs: 30_000 }));
      if (i % 50 === 49) await sleep(200);
    }
    await until('visitors to connect', () => visitors.every((v) => v.settled), 60_000);
    // Chats start a batch at a time, each batch routed before the next (a mass arrival is routing's own benchmark).
    progress('starting the chats');
    for (let i = 0; i < VISITORS; i += 25) {
      await Promise.all(visitors.slice(i, i + 25).map((v) => v.start()));
      const started = Math.min(i + 25, VISITORS);
      await until('the chats to be assigned', () => agents.reduce((n, a) => n + a.chats.size, 0) >= started, 60_000);
    }

    const send = async (seconds: number) => {
      const interval = 1000 / RATE;
      const start = performance.now();
      const ids: string[] = [];
      for (let i = 0; i < seconds * RATE; i++) {
        const due = start + i * interval;
        const wait = due - performance.now();
        if (wait > 1) await sleep(wait);
        ids.push(visitors[i % VISITORS]!.write(`message ${i}`));
      }
      return { ids, elapsed: (performance.now() - start) / 1000 };
    };
    progress(`warming up for ${WARMUP} s, then measuring for ${SECONDS} s`);
    await send(WARMUP);
    await sleep(1_000);

    const loadBefore = loadavg();
    const serverCpuBefore = cpuSeconds(server.child.pid!);
    const clientCpuBefore = process.cpuUsage();
    const { ids, elapsed } = await send(SECONDS);
    await until('deliveries to settle', () => ids.every((id) => received.has(id)) && visitors.every((v) => v.settled), 15_000).catch(() => undefined);
    const serverCpu = cpuSeconds(server.child.pid!) - serverCpuBefore;
    const clientCpu = process.cpuUsage(clientCpuBefore);

    const sentAt = new Map<string, number>();
    const ackedAt = new Map<string, number>();
    for (const visitor of visitors) {
      for (const [clientId, at] of visitor.sentAt) sentAt.set(clientId, at);
      for (const clientId of visitor.chat.acked.keys()) ackedAt.set(clientId, visitor.ackedAt.get(clientId)!);
    }
    const endToEnd: number[] = [];
    const ack: number[] = [];
    let lost = 0;
    let unacked = 0;
    for (const id of ids) {
      const sent = sentAt.get(id);
      const got = received.get(id);
      const acked = ackedAt.get(id);
      if (sent === undefined || acked === undefined) unacked += 1;
      else ack.push(acked - sent);
      if (got === undefined) lost += acked === undefined ? 0 : 1;
      else if (sent !== undefined) endToEnd.push(got - sent);
    }
    endToEnd.sort((a, b) => a - b);
    ack.sort((a, b) => a - b);
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const row = (name: string, values: number[]) =>
      `${name.padEnd(34)} ${ms(percentile(values, 50)).padStart(9)} ${ms(percentile(values, 95)).padStart(9)} ${ms(percentile(values, 99)).padStart(9)} ${ms(values.at(-1) ?? Number.NaN).padStart(9)}`;

    console.log(`\nDelivery benchmark — ${VISITORS} visitors, ${AGENTS} agents, target ${RATE} msg/s for ${SECONDS} s (after ${WARMUP} s warm-up)`);
    console.log(`machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`);
    console.log(`store: SQLite (WAL, group commit: fsynced before every ack); load average before the run: ${loadBefore.map((l) => l.toFixed(2)).join(' ')}\n`);
    console.log(`messages sent                      ${ids.length} in ${elapsed.toFixed(1)} s = ${(ids.length / elapsed).toFixed(1)} msg/s`);
    console.log(`acknowledged                       ${ids.length - unacked}`);
    console.log(`lost (acked, never at the agent)   ${lost}`);
    console.log(`duplicated at the agent            ${duplicates}`);
    console.log(`not acknowledged in time           ${unacked}`);
    console.log(`server CPU                         ${((serverCpu / elapsed) * 100).toFixed(0)} % of one core`);
    console.log(`bench clients CPU                  ${(((clientCpu.user + clientCpu.system) / 1e6 / elapsed) * 100).toFixed(0)} % of one core\n`);
    console.log(`${'latency'.padEnd(34)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'p99'.padStart(9)} ${'max'.padStart(9)}`);
    console.log(row('visitor send → agent receive', endToEnd));
    console.log(row('visitor send → ack', ack));
    if (lost > 0 || duplicates > 0 || unacked > 0) process.exitCode = 1;
  } finally {
    for (const bot of [...visitors, ...agents]) bot.close();
    await server.stop();
    await deployment.remove();
  }
}

// Interrupted (Ctrl-C, a timeout): exit, so the server process is stopped too (see server-process.ts).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
await main();
