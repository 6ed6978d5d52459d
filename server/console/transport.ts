// The console's socket to the /agent namespace; the only module that imports socket.io-client.
import { io, type Socket } from 'socket.io-client';
import type { ErrorCode, Result } from '../../shared/errors';
import { consoleError, localError, sessionEnded } from './i18n/errors';
import type { AgentView, ChatMessage, ConversationDetail, ConversationSummary } from '../../shared/model';
import type { ConversationReads, ReadMarkAck, ReadUpdate } from '../../shared/read-state';
import type { AckedEventOf, AckOf, PayloadOf } from '../../shared/protocol-schemas';
import {
  AGENT_NAMESPACE,
  type AgentServerEvents,
  type AgentClientEvents,
  type AgentSession,
  type ConversationRef,
  type FetchHistory,
  type FetchReads,
  type History,
  type Inbox,
  type MarkRead,
  type SendMessage,
  type SetPresence,
  type Typing,
  type TypingNotice,
} from '../../shared/protocol';

type AgentSocket = Socket<AgentServerEvents, AgentClientEvents>;

/** Failures that happen on this side of the wire, next to the server's typed codes. */
export type CallError = { code: ErrorCode | 'offline' | 'timeout'; message: string; retryAfterMs?: number };
export type CallResult<T> = { ok: true; data: T } | { ok: false; error: CallError };

export type LinkStatus = 'connecting' | 'online' | 'reconnecting';

export interface TransportEvents {
  /** `problem` says why the last attempt failed, when the server refused it (not a mere network drop). */
  status(status: LinkStatus, problem?: string): void;
  session(session: AgentSession): void;
  conversationUpdated(summary: ConversationSummary): void;
  messageNew(message: ChatMessage): void;
  typing(notice: TypingNotice): void;
  readUpdated(update: ReadUpdate): void;
  /** The server refused the handshake for good (expired or missing session): sign in again. */
  unauthorized(message: string): void;
}

export interface AgentLink {
  setPresence(payload: SetPresence): Promise<CallResult<AgentView>>;
  fetchInbox(): Promise<CallResult<Inbox>>;
  openConversation(payload: ConversationRef): Promise<CallResult<ConversationDetail>>;
  closeConversation(payload: ConversationRef): Promise<CallResult<ConversationSummary>>;
  sendMessage(payload: SendMessage): Promise<CallResult<ChatMessage>>;
  fetchHistory(payload: FetchHistory): Promise<CallResult<History>>;
  markRead(payload: MarkRead): Promise<CallResult<ReadMarkAck>>;
  fetchReads(payload: FetchReads): Promise<CallResult<{ reads: Record<string, ConversationReads> }>>;
  typing(payload: Typing): void;
  /** Any acknowledged request of the agent protocol (routing, notes, supervision… use this, not a method each). */
  ask<E extends AckedRequest>(event: E, ...payload: RequestPayload<E>): Promise<CallResult<AckData<E>>>;
  /** Listens to a server event for as long as this link lives; returns a function that stops listening. */
  listen<E extends keyof AgentServerEvents>(event: E, handler: AgentServerEvents[E]): () => void;
  disconnect(): void;
}

/** Client events answered with an ack (all but typing); typed as the server's handlers are (protocol-schemas.ts). */
export type AckedRequest = AckedEventOf<AgentClientEvents>;
/** A request's payload: none for `(ack) => void`, one for `(payload, ack) => void`. */
export type RequestPayload<E extends AckedRequest> = PayloadOf<AgentClientEvents, E> extends undefined ? [] : [PayloadOf<AgentClientEvents, E>];
export type AckData<E extends AckedRequest> = AckOf<AgentClientEvents, E>;

const ACK_TIMEOUT_MS = 10_000;
const RETRY_AFTER_REFUSAL_MS = 3_000;

export function connectAgent(on: TransportEvents): AgentLink {
  const socket: AgentSocket = io(AGENT_NAMESPACE, {
    withCredentials: true,
    // A sign-out/sign-in cycle must not reuse a cached Manager, with its old listeners and old cookie.
    forceNew: true,
    // WebSocket first: consoles sit on office networks where it works, it saves the polling round trips,
    // and its handshake always carries Origin (same-origin polling GETs do not), which the server checks.
    // Polling stays as the fallback for networks that block WebSocket.
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
  });
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let everConnected = false;
  /** Requests waiting for an ack; a dropped link answers them at once instead of after the timeout. */
  const waiting = new Set<(result: CallResult<never>) => void>();

  on.status('connecting');
  socket.on('connect', () => {
    everConnected = true;
    on.status('online');
  });
  socket.on('disconnect', (reason) => {
    // 'io client disconnect' is our own disconnect(); nothing to report.
    if (reason === 'io client disconnect') return;
    // Acks never arrive over a dead link: the callers resend (same clientId) after the reconnect.
    for (const answer of [...waiting]) answer({ ok: false, error: consoleError('dropped') });
    on.status('reconnecting');
    // After a server-side disconnect socket.io does not retry by itself. Reconnecting lets the handshake
    // decide: a revoked session comes back as connect_error 'unauthorized'.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
    const code = err.data?.code ?? err.message;
    if (code === 'unauthorized') {
      socket.disconnect();
      on.unauthorized(sessionEnded());
      return;
    }
    on.status(everConnected ? 'reconnecting' : 'connecting', err.data ? localError({ code, message: err.message }).message : undefined);
    // A refusal by server middleware stops socket.io's own retries (socket.active is false); keep trying ourselves.
    if (!socket.active) {
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => socket.connect(), RETRY_AFTER_REFUSAL_MS);
    }
  });
  socket.on('session', (session) => on.session(session));
  socket.on('conversation:updated', (summary) => on.conversationUpdated(summary));
  socket.on('message:new', (message) => on.messageNew(message));
  socket.on('typing', (notice) => on.typing(notice));
  socket.on('read:updated', (update) => on.readUpdated(update));

  /**
   * `emitWithAck` with a timeout (a flag on the next emit only, so taken afresh each time), rejecting when no ack
   * comes in time. The cast: Socket.IO's typings relate a literal event name to its ack, not a generic one.
   */
  const emitWithAck = <E extends AckedRequest>(event: E, ...payload: RequestPayload<E>): Promise<Result<AckData<E>>> => {
    const timed = socket.timeout(ACK_TIMEOUT_MS);
    return (timed.emitWithAck.bind(timed) as unknown as (event: E, ...payload: RequestPayload<E>) => Promise<Result<AckData<E>>>)(event, ...payload);
  };

  /**
   * One request with an ack. Refuses at once while offline: socket.io would buffer the emit and send it
   * after reconnecting, long after the caller gave up (a stale presence change, for one).
   */
  function call<E extends AckedRequest>(event: E, ...payload: RequestPayload<E>): Promise<CallResult<AckData<E>>> {
    if (!socket.connected) {
      return Promise.resolve({ ok: false, error: consoleError('offline') });
    }
    return new Promise((resolve) => {
      const answer = (result: CallResult<AckData<E>>) => {
        waiting.delete(answer);
        resolve(result);
      };
      waiting.add(answer);
      emitWithAck(event, ...payload).then(
        (result) => answer(result.ok ? result : { ok: false, error: localError(result.error) }),
        () => answer({ ok: false, error: consoleError('timeout') }),
      );
    });
  }

  return {
    setPresence: (payload) => call('presence:set', payload),
    fetchInbox: () => call('inbox:fetch'),
    openConversation: (payload) => call('conversation:open', payload),
    closeConversation: (payload) => call('conversation:close', payload),
    sendMessage: (payload) => call('message:send', payload),
    fetchHistory: (payload) => call('history:fetch', payload),
    markRead: (payload) => call('read:mark', payload),
    fetchReads: (payload) => call('read:fetch', payload),
    typing: (payload) => {
      // Typing is a hint; dropping it while offline is better than replaying it late.
      if (socket.connected) socket.volatile.emit('typing', payload);
    },
    ask: call,
    listen: (event, handler) => {
      const untyped = socket as unknown as { on(e: string, h: unknown): void; off(e: string, h: unknown): void };
      untyped.on(event, handler);
      return () => untyped.off(event, handler);
    },
    disconnect: () => {
      clearTimeout(retryTimer);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
