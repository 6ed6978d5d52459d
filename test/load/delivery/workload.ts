// The delivery benchmark's clients and figures: M agents and N visitors (protocol bots) on one target — our
// server, several nodes of it, or the floor relay — chats started and assigned, then visitors sending at a
// fixed total rate; latency from handing a message to the socket until the agent's `message:new`, and the ack.
import { readFileSync } from 'node:fs';
import type { ChatMessage } from '../../../shared/model';
import { AgentBot, VisitorBot } from '../../support/chat-bots';

export interface Target {
  /** Where visitor i and agent i connect (several nodes: spread over them). */
  visitorUrl(i: number): string;
  agentUrl(i: number): string;
  appKey: string;
  /** A session cookie for agent i ('' where the target needs none). */
  agentCookie(i: number): Promise<string>;
  /** Server processes, for their CPU use. */
  pids: number[];
  /** Store calls made so far, all nodes together (our server's /metrics); absent for the floor. */
  storeCalls?: () => Promise<number>;
}

export interface Plan {
  visitors: number;
  agents: number;
  rate: number;
  seconds: number;
  warmup: number;
}

export interface Figures {
  sent: number;
  elapsed: number;
  unacked: number;
  lost: number;
  duplicates: number;
  /** Sorted, in ms. */
  endToEnd: number[];
  ack: number[];
  serverCpu: number;
  clientCpu: number;
  /** Store calls per message sent while measuring (background work included), where the target counts them. */
  storeCallsPerMessage: number | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Store calls a node has made: the sum of its store-latency histogram's counts in /metrics (open to loopback). */
export async function storeCallsOf(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  let calls = 0;
  for (const line of text.split('\n')) if (line.startsWith('support_store_duration_seconds_count')) calls += Number(line.split(' ').pop());
  return calls;
}

export const progress = (what: string) => process.stderr.write(`… ${what}\n`);

export function percentile(sorted: number[], p: number): number {
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

export async function runWorkload(target: Target, plan: Plan): Promise<Figures> {
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
    for (let i = 0; i < plan.agents; i++) {
      agents.push(new AgentBot(await target.agentCookie(i), { url: target.agentUrl(i), onLive: onAgentLive, ackTimeoutMs: 30_000 }));
    }
    progress(`connecting ${plan.agents} agents and ${plan.visitors} visitors`);
    await until('agents to connect', () => agents.every((a) => a.settled), 30_000);
    // Visitors connect and start their chats in batches, as a class arriving over a few seconds.
    for (let i = 0; i < plan.visitors; i++) {
      visitors.push(new VisitorBot(target.appKey, `Student ${i + 1}`, { url: target.visitorUrl(i), ackTimeoutMs: 30_000 }));
      if (i % 50 === 49) await sleep(200);
    }
    await until('visitors to connect', () => visitors.every((v) => v.settled), 60_000);
    // Chats start a batch at a time, each batch routed before the next (a mass arrival is routing's own benchmark).
    progress('starting the chats');
    for (let i = 0; i < plan.visitors; i += 25) {
      await Promise.all(visitors.slice(i, i + 25).map((v) => v.start()));
      const started = Math.min(i + 25, plan.visitors);
      await until('the chats to be assigned', () => agents.reduce((n, a) => n + a.chats.size, 0) >= started, 60_000);
    }

    const send = async (seconds: number) => {
      const interval = 1000 / plan.rate;
      const start = performance.now();
      const ids: string[] = [];
      for (let i = 0; i < seconds * plan.rate; i++) {
        const wait = start + i * interval - performance.now();
        if (wait > 1) await sleep(wait);
        ids.push(visitors[i % plan.visitors]!.write(`message ${i}`));
      }
      return { ids, elapsed: (performance.now() - start) / 1000 };
    };
    progress(`warming up for ${plan.warmup} s, then measuring for ${plan.seconds} s`);
    await send(plan.warmup);
    await sleep(1_000);

    const storeCallsBefore = await target.storeCalls?.();
    const serverCpuBefore = target.pids.map(cpuSeconds);
    const clientCpuBefore = process.cpuUsage();
    const { ids, elapsed } = await send(plan.seconds);
    await until('deliveries to settle', () => ids.every((id) => received.has(id)) && visitors.every((v) => v.settled), 15_000).catch(() => undefined);
    const serverCpu = target.pids.reduce((sum, pid, i) => sum + cpuSeconds(pid) - serverCpuBefore[i]!, 0);
    const storeCallsAfter = await target.storeCalls?.();
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
    return {
      sent: ids.length,
      elapsed,
      unacked,
      lost,
      duplicates,
      endToEnd,
      ack,
      serverCpu: serverCpu / elapsed,
      clientCpu: (clientCpu.user + clientCpu.system) / 1e6 / elapsed,
      storeCallsPerMessage:
        storeCallsBefore !== undefined && storeCallsAfter !== undefined ? (storeCallsAfter - storeCallsBefore) / ids.length : null,
    };
  } finally {
    for (const bot of [...visitors, ...agents]) bot.close();
  }
}
