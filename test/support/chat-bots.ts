// Protocol-level stand-ins for the widget and the console that follow docs/protocol.md's delivery rules: an
// outbox sent in order with the same clientId until acked, history fetched after every session, merged by seq.
// Fault tests and the delivery benchmark run many of them in one process.
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { Result } from '../../shared/errors';
import type { ChatMessage, ConversationSummary } from '../../shared/model';
import {
  AGENT_NAMESPACE,
  VISITOR_NAMESPACE,
  type AgentClientEvents,
  type AgentSession,
  type VisitorClientEvents,
  type VisitorSession,
} from '../../shared/protocol';
import { mergeBySeq } from '../../server/console/state/messages';
import type { AckOf, PayloadOf } from '../../shared/protocol-schemas';
import { TEST_ORIGIN, type RequestArgs } from './server';

export interface BotOptions {
  /** Where to connect: the server, or a proxy in front of it. */
  url: string;
  transports?: string[];
  ackTimeoutMs?: number;
  /** Called for every message:new, with the time it arrived (for latency figures). */
  onLive?: (message: ChatMessage, at: number) => void;
}

interface Pending {
  clientId: string;
  text: string;
}

/** One conversation as one side holds it: what it wrote, what was acked, and what it shows. */
export class ChatCopy {
  view: ChatMessage[] = [];
  readonly written: Pending[] = [];
  readonly acked = new Map<string, ChatMessage>();
  readonly refused: { clientId: string; code: string }[] = [];
  outbox: Pending[] = [];
  pumping = false;
  /** message:new events, duplicates included (recovery replays, a reconnect racing a broadcast). */
  deliveries = 0;
  /** Distinct seqs that arrived as message:new. */
  readonly deliveredSeqs = new Set<number>();

  merge(messages: ChatMessage[]): void {
    this.view = mergeBySeq(this.view, messages);
  }

  /** The last seq up to which nothing is missing, counting from 1: catch-ups fetch after it. */
  get complete(): number {
    let seq = 0;
    while (this.view[seq]?.seq === seq + 1) seq++;
    return seq;
  }
}

function connect(namespace: string, options: BotOptions, extra: Record<string, unknown>): Socket {
  const socket = io(`${options.url}${namespace}`, {
    transports: options.transports ?? ['websocket'],
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    timeout: 5_000,
    forceNew: true,
    ...extra,
  });
  // Socket.IO stops retrying after a refusal by the server or a server-side disconnect (e.g. while it restarts).
  socket.on('connect_error', () => {
    if (!socket.active) setTimeout(() => socket.connect(), 200);
  });
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 200);
  });
  return socket;
}

/** The requests both sides make alike (the same payloads and acks in both event maps). */
type SharedRequests = Pick<VisitorClientEvents, 'history:fetch' | 'message:send'>;

abstract class Bot<M extends SharedRequests> {
  abstract readonly socket: Socket;
  protected ready = false;

  constructor(protected readonly options: BotOptions) {}

  /**
   * A request typed by this side's event map, as the server's handlers are. Null when no answer came (offline,
   * dropped, timed out): the caller waits for the next session.
   */
  protected request<E extends keyof M & string>(event: E, ...payload: RequestArgs<M, E>): Promise<Result<AckOf<M, E>> | null> {
    return this.emit(event, payload);
  }

  /** A request both sides make, for the outbox and catch-up written once here. */
  protected shared<E extends keyof SharedRequests>(
    event: E,
    payload: PayloadOf<SharedRequests, E>,
  ): Promise<Result<AckOf<SharedRequests, E>> | null> {
    return this.emit(event, [payload]);
  }

  private async emit<T>(event: string, args: unknown[]): Promise<Result<T> | null> {
    // Never let Socket.IO buffer while offline: the outbox resends after the next session.
    if (!this.socket.connected) return null;
    try {
      return (await this.socket.timeout(this.options.ackTimeoutMs ?? 5_000).emitWithAck(event, ...args)) as Result<T>;
    } catch {
      return null;
    }
  }

  /** Fetches everything after the last unbroken seq, page by page. */
  protected async sync(conversationId: string, copy: ChatCopy): Promise<void> {
    for (;;) {
      const after = copy.complete;
      const page = await this.shared('history:fetch', { conversationId, afterSeq: after, limit: 200 });
      if (!page?.ok) return;
      copy.merge(page.data.messages);
      if (!page.data.hasMore || copy.complete === after) return;
    }
  }

  protected receive(copy: ChatCopy | undefined, conversationId: string, message: ChatMessage): void {
    this.options.onLive?.(message, performance.now());
    if (!copy) return;
    copy.deliveries += 1;
    copy.deliveredSeqs.add(message.seq);
    copy.merge([message]);
    // A hole before the newest message means something was missed on the way.
    if (copy.view.length > copy.complete) void this.sync(conversationId, copy);
  }

  /** Sends the head of the outbox until acked, then the next: one sender's messages stay in order. */
  protected async pump(
    conversationId: () => Promise<string | null>,
    copy: ChatCopy,
    timing?: { sent(clientId: string): void; acked(clientId: string): void },
  ): Promise<void> {
    if (copy.pumping) return;
    copy.pumping = true;
    try {
      while (this.ready && copy.outbox.length > 0) {
        const id = await conversationId();
        if (!id) return;
        const head = copy.outbox[0]!;
        timing?.sent(head.clientId);
        const result = await this.shared('message:send', { conversationId: id, clientId: head.clientId, text: head.text });
        if (!result) return;
        if (result.ok) {
          timing?.acked(head.clientId);
          copy.acked.set(head.clientId, result.data);
          copy.merge([result.data]);
        } else {
          copy.refused.push({ clientId: head.clientId, code: result.error.code });
        }
        copy.outbox.shift();
      }
    } finally {
      copy.pumping = false;
    }
  }

  /** True once connected with a session and nothing is left to send. */
  abstract get settled(): boolean;

  close(): void {
    this.socket.disconnect();
  }
}

export class VisitorBot extends Bot<VisitorClientEvents> {
  readonly socket: Socket;
  readonly chat = new ChatCopy();
  conversationId: string | null = null;
  private readonly startClientId = randomUUID();
  /** clientId → when it was first handed to the socket, and when its ack came: for latency figures. */
  readonly sentAt = new Map<string, number>();
  readonly ackedAt = new Map<string, number>();

  constructor(
    readonly appKey: string,
    readonly name: string,
    options: BotOptions,
  ) {
    super(options);
    this.socket = connect(VISITOR_NAMESPACE, options, { auth: { appKey, name }, extraHeaders: { origin: TEST_ORIGIN } });
    this.socket.on('session', (session: VisitorSession) => void this.onSession(session));
    this.socket.on('disconnect', () => (this.ready = false));
    this.socket.on('message:new', (message: ChatMessage) => {
      this.receive(message.conversationId === this.conversationId ? this.chat : undefined, message.conversationId, message);
    });
  }

  private async onSession(session: VisitorSession): Promise<void> {
    // Keep the anonymous identity: every reconnect (and middleware run) must name the same visitor.
    if (session.visitorToken) this.socket.auth = { appKey: this.appKey, visitorToken: session.visitorToken };
    this.ready = true;
    if (session.conversation) this.conversationId = session.conversation.id;
    if (this.conversationId) await this.sync(this.conversationId, this.chat);
    void this.flush();
  }

  /** Starts the chat (idempotent on its client id) unless it has one. */
  async start(): Promise<string | null> {
    if (this.conversationId) return this.conversationId;
    const started = await this.request('conversation:start', { clientId: this.startClientId, context: {} });
    if (started?.ok) this.conversationId = started.data.id;
    return this.conversationId;
  }

  write(text: string): string {
    const item = { clientId: randomUUID(), text };
    this.chat.written.push(item);
    this.chat.outbox.push(item);
    void this.flush();
    return item.clientId;
  }

  private flush(): Promise<void> {
    return this.pump(() => this.start(), this.chat, {
      sent: (clientId) => {
        if (!this.sentAt.has(clientId)) this.sentAt.set(clientId, performance.now());
      },
      acked: (clientId) => this.ackedAt.set(clientId, performance.now()),
    });
  }

  /** A last catch-up, as after any reconnect. */
  async catchUp(): Promise<void> {
    if (this.conversationId) await this.sync(this.conversationId, this.chat);
  }

  get settled(): boolean {
    return this.ready && this.chat.outbox.length === 0;
  }
}

export class AgentBot extends Bot<AgentClientEvents> {
  readonly socket: Socket;
  readonly chats = new Map<string, ChatCopy>();
  agentId: string | null = null;
  /** Called once for each conversation that becomes this agent's. */
  onAssigned?: (conversationId: string) => void;

  constructor(cookie: string, options: BotOptions) {
    super(options);
    this.socket = connect(AGENT_NAMESPACE, options, { extraHeaders: { cookie, origin: options.url } });
    this.socket.on('session', (session: AgentSession) => void this.onSession(session));
    this.socket.on('disconnect', () => (this.ready = false));
    this.socket.on('conversation:updated', (summary: ConversationSummary) => {
      if (summary.status === 'active' && summary.assignee?.id === this.agentId) void this.track(summary.id);
    });
    this.socket.on('message:new', (message: ChatMessage) => this.receive(this.chats.get(message.conversationId), message.conversationId, message));
  }

  private async onSession(session: AgentSession): Promise<void> {
    this.agentId = session.agent.id;
    this.ready = true;
    // The server may have lost the Available switch (a restart): set it again, as the console does.
    await this.request('presence:set', { available: true });
    const inbox = await this.request('inbox:fetch');
    if (inbox?.ok) for (const chat of inbox.data.mine) await this.track(chat.id);
    for (const [conversationId, copy] of this.chats) {
      await this.sync(conversationId, copy);
      void this.flush(conversationId);
    }
  }

  private async track(conversationId: string): Promise<void> {
    if (this.chats.has(conversationId)) return;
    const copy = new ChatCopy();
    this.chats.set(conversationId, copy);
    await this.sync(conversationId, copy);
    this.onAssigned?.(conversationId);
  }

  reply(conversationId: string, text: string): void {
    const copy = this.chats.get(conversationId);
    if (!copy) throw new Error(`not my conversation: ${conversationId}`);
    const item = { clientId: randomUUID(), text };
    copy.written.push(item);
    copy.outbox.push(item);
    void this.flush(conversationId);
  }

  private flush(conversationId: string): Promise<void> {
    return this.pump(async () => conversationId, this.chats.get(conversationId)!);
  }

  async catchUp(): Promise<void> {
    for (const [conversationId, copy] of this.chats) await this.sync(conversationId, copy);
  }

  get settled(): boolean {
    return this.ready && [...this.chats.values()].every((copy) => copy.outbox.length === 0);
  }
}
