// A chat workload for fault tests: visitors and agents exchanging messages through a proxy, and the checks
// that nothing was lost, doubled or reordered, in the database and on every participant's screen.
import { join } from 'node:path';
import { openSqliteStore } from '../../../server/store/sqlite/index';
import type { Store } from '../../../server/domain/ports';
import type { ChatMessage } from '../../../shared/model';
import { AgentBot, VisitorBot, type ChatCopy } from '../../support/chat-bots';
import { signIn, type Deployment } from '../../support/server-process';

export interface RunPlan {
  visitors: number;
  /** Messages each visitor writes, and replies each agent writes in each of its chats. */
  perSide: number;
  /** Pause between one participant's messages. */
  thinkMs: { min: number; max: number };
  transportsFor?: (visitorIndex: number) => string[];
  ackTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ChatRun {
  readonly visitors: VisitorBot[] = [];
  readonly agents: AgentBot[] = [];
  private readonly loops: Promise<void>[] = [];
  private readonly think: () => number;

  private constructor(private readonly plan: RunPlan) {
    this.think = () => plan.thinkMs.min + Math.random() * (plan.thinkMs.max - plan.thinkMs.min);
  }

  /** Agents sign in at the server itself; everyone's realtime connection goes through `clientUrl`. */
  static async start(plan: RunPlan, deployment: Deployment, serverUrl: string, clientUrl: string): Promise<ChatRun> {
    const run = new ChatRun(plan);
    for (const agent of deployment.agents) {
      const bot = new AgentBot(await signIn(serverUrl, agent.email, agent.password), { url: clientUrl, ackTimeoutMs: plan.ackTimeoutMs });
      bot.onAssigned = (conversationId) => run.loops.push(run.replyLoop(bot, conversationId));
      run.agents.push(bot);
    }
    for (let i = 0; i < plan.visitors; i++) {
      const bot = new VisitorBot(deployment.appKey, `Student ${i + 1}`, {
        url: clientUrl,
        transports: plan.transportsFor?.(i),
        ackTimeoutMs: plan.ackTimeoutMs,
      });
      run.visitors.push(bot);
      run.loops.push(run.writeLoop(bot));
    }
    return run;
  }

  private async writeLoop(bot: VisitorBot): Promise<void> {
    for (let i = 1; i <= this.plan.perSide; i++) {
      bot.write(`${bot.name} #${i}`);
      await sleep(this.think());
    }
  }

  private async replyLoop(bot: AgentBot, conversationId: string): Promise<void> {
    for (let i = 1; i <= this.plan.perSide; i++) {
      bot.reply(conversationId, `reply #${i} in ${conversationId.slice(0, 8)}`);
      await sleep(this.think());
    }
  }

  get total(): number {
    return this.plan.visitors * this.plan.perSide * 2;
  }

  /** Messages acknowledged so far, both sides. */
  acked(): number {
    return this.copies().reduce((sum, { copy }) => sum + copy.acked.size, 0);
  }

  /** Every message written and acknowledged, everyone connected with nothing left to send. */
  async finished(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const assigned = this.agents.reduce((sum, agent) => sum + agent.chats.size, 0);
      const written = this.copies().reduce((sum, { copy }) => sum + copy.written.length, 0);
      const done = assigned === this.plan.visitors && written === this.total && [...this.visitors, ...this.agents].every((bot) => bot.settled);
      if (done) break;
      if (Date.now() > deadline) {
        const stuck = [...this.visitors, ...this.agents]
          .filter((bot) => !bot.settled)
          .map(
            (bot) =>
              `${bot instanceof VisitorBot ? bot.name : `agent ${bot.agentId?.slice(0, 8)}`} (${bot.socket.connected ? 'connected' : 'offline'})`,
          );
        throw new Error(
          `run did not finish: ${assigned}/${this.plan.visitors} chats assigned, ${written}/${this.total} written, ${this.acked()} acked; not settled: ${stuck.join(', ')}`,
        );
      }
      await sleep(100);
    }
    await Promise.all(this.loops);
  }

  /** A last catch-up by everyone, as after any reconnect, once the network has calmed down. */
  async catchUp(): Promise<void> {
    await Promise.all([...this.visitors, ...this.agents].map((bot) => bot.catchUp()));
  }

  close(): void {
    for (const bot of [...this.visitors, ...this.agents]) bot.close();
  }

  /** Each conversation's copies: the visitor's, and the agent's that holds it. */
  copies(): { side: 'visitor' | 'agent'; conversationId: string | null; copy: ChatCopy }[] {
    return [
      ...this.visitors.map((bot) => ({ side: 'visitor' as const, conversationId: bot.conversationId, copy: bot.chat })),
      ...this.agents.flatMap((bot) => [...bot.chats].map(([conversationId, copy]) => ({ side: 'agent' as const, conversationId, copy }))),
    ];
  }

  /**
   * Compares everything with the database (read after the server stopped): the problems found, none when all is
   * well, and the figures behind them.
   */
  async verify(source: string | { openStore(): Store }): Promise<{ problems: string[]; messages: number; liveDuplicates: number }> {
    // A data directory (its SQLite file), or a deployment whose nodes may share PostgreSQL.
    const store = typeof source === 'string' ? openSqliteStore(join(source, 'support.sqlite')) : source.openStore();
    const problems: string[] = [];
    let messages = 0;
    let liveDuplicates = 0;
    try {
      const stored = new Map<string, ChatMessage[]>();
      for (const bot of this.visitors) {
        if (!bot.conversationId) {
          problems.push(`${bot.name} never got a conversation`);
          continue;
        }
        const rows = await store.listMessagesAfter(bot.conversationId, 0, 100_000);
        stored.set(
          bot.conversationId,
          rows.map(({ authorId: _author, ...message }) => message),
        );
        messages += rows.length;
        // Gap-free numbering.
        for (const [i, row] of rows.entries()) {
          if (row.seq !== i + 1) problems.push(`${bot.conversationId}: seq ${row.seq} at position ${i + 1}`);
        }
      }
      for (const { side, conversationId, copy } of this.copies()) {
        const truth = conversationId ? stored.get(conversationId) : undefined;
        if (!truth) continue;
        const where = `${side} copy of ${conversationId}`;
        liveDuplicates += copy.deliveries - copy.deliveredSeqs.size;
        if (copy.refused.length > 0) problems.push(`${where}: refused ${JSON.stringify(copy.refused)}`);
        // Zero lost, zero doubled: each message written is stored exactly once.
        const byClientId = new Map<string, ChatMessage[]>();
        for (const message of truth) if (message.clientId) byClientId.set(message.clientId, [...(byClientId.get(message.clientId) ?? []), message]);
        const seqs: number[] = [];
        for (const { clientId, text } of copy.written) {
          const found = byClientId.get(clientId) ?? [];
          if (found.length !== 1) problems.push(`${where}: "${text}" stored ${found.length} times`);
          if (found[0]) seqs.push(found[0].seq);
        }
        // Nothing stored that this side did not write once (a resend under a new id would show here).
        const writtenIds = new Set(copy.written.map((w) => w.clientId));
        const strays = truth.filter((m) => m.authorKind === side && !writtenIds.has(m.clientId ?? ''));
        if (strays.length > 0) problems.push(`${where}: ${strays.length} stored messages nobody wrote, e.g. "${strays[0]!.text}"`);
        // Per-sender order.
        if (seqs.some((seq, i) => i > 0 && seq <= seqs[i - 1]!)) problems.push(`${where}: stored out of the order written: ${seqs.join(',')}`);
        // Every ack names the stored message.
        for (const [clientId, ack] of copy.acked) {
          const row = byClientId.get(clientId)?.[0];
          if (row?.id !== ack.id || row.seq !== ack.seq) problems.push(`${where}: ack for ${clientId} does not match what is stored`);
        }
        // The screen: exactly the stored history, each message once, in order.
        const shown = copy.view.map((m) => `${m.seq}:${m.id}`).join(' ');
        const expected = truth.map((m) => `${m.seq}:${m.id}`).join(' ');
        if (shown !== expected) problems.push(`${where}: shows [${shown.slice(0, 200)}] instead of [${expected.slice(0, 200)}]`);
      }
    } finally {
      await store.close();
    }
    return { problems, messages, liveDuplicates };
  }
}
