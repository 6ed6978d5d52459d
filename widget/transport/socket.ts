// The only module that speaks Socket.IO: connects to the visitor namespace and turns events into state changes.
import { io, type Socket } from 'socket.io-client';
import type * as v from 'valibot';
import type { ErrorCode } from '../../shared/errors';
import { retryDelayOf } from '../../shared/retry-after';
import { VISITOR_NAMESPACE, type VisitorClientEvents, type VisitorServerEvents } from '../../shared/protocol';
import type { VisitorAuthSchema } from '../../shared/schemas';
import { showTyping } from '../state/agent-typing';
import { applyConversation, applyQueuePosition, receivePushed } from '../state/conversation';
import { claimOutbox, credentialOf, previewOutbox } from '../state/outbox-owner';
import { applyReadUpdate } from '../state/read-state';
import { $ticketsUnread, receiveTicket } from '../state/tickets';
import { $connection, applySession, connectionLost, connectionRefused } from '../state/session';
import { OFFLINE, setWire, type Wire } from '../state/wire';
import { readStored, writeStored } from '../storage';
import { noticeIncident, noticeQuality } from '../state/quality-link';

export interface ConnectOptions {
  server: string;
  appKey: string;
  token?: string | (() => Promise<string>);
  name?: string;
}

type VisitorAuth = v.InferInput<typeof VisitorAuthSchema>;

const ACK_TIMEOUT = 10_000;
const RETRY_LATER = 5_000;
/** Refusals another attempt may cure: a fresh token, a forgotten anonymous identity, a busy server. */
const RETRY_ONCE: ErrorCode[] = ['token_expired', 'token_invalid', 'unauthorized'];
const RETRY_LATER_CODES: ErrorCode[] = ['rate_limited', 'internal', 'unavailable'];

const visitorTokenKey = (appKey: string) => `cs:visitor:${appKey}`;

/** An anonymous visitor that already has an identity may have a conversation waiting. */
export const hasVisitorToken = (appKey: string) => readStored(visitorTokenKey(appKey)) !== null;

async function authFor(options: ConnectOptions): Promise<VisitorAuth> {
  const auth: VisitorAuth = { appKey: options.appKey };
  if (options.name?.trim()) auth.name = options.name.trim();
  try {
    const token = typeof options.token === 'function' ? await options.token() : options.token;
    if (token) auth.token = token;
  } catch (error) {
    // The host's token endpoint failed: connect without it and let the server say whether that is allowed.
    console.warn('[ClassroomSupport] could not get an identity token', error);
  }
  const visitorToken = readStored(visitorTokenKey(options.appKey));
  if (!auth.token && visitorToken) auth.visitorToken = visitorToken;
  credential = credentialOf(auth);
  previewOutbox(options.appKey, credential);
  return auth;
}

/** Who the last handshake's credentials name, to tell whose saved outbox this is (see outbox-owner.ts). */
let credential: string | null = null;

export function connectVisitor(options: ConnectOptions): Socket<VisitorServerEvents, VisitorClientEvents> {
  // Fetched now rather than when the transport opens: the saved outbox shows at once, even with no network.
  let firstAuth: Promise<VisitorAuth> | null = authFor(options);
  const socket: Socket<VisitorServerEvents, VisitorClientEvents> = io(options.server.replace(/\/+$/, '') + VISITOR_NAMESPACE, {
    // A callback, not an object: every reconnect asks for a fresh token, so a 10-minute JWT never goes stale.
    auth: (send) => {
      const auth = firstAuth ?? authFor(options);
      firstAuth = null;
      void auth.then(send);
    },
    // WebSocket first: one round trip less, and no sticky sessions needed behind a load balancer.
    // Long-polling stays as the fallback for school networks whose proxies block WebSocket.
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
  });
  const retry = (delay: number) => setTimeout(() => socket.connect(), delay);
  let retriedRefusal = false;
  $connection.set('connecting');

  socket.on('session', (session) => {
    retriedRefusal = false;
    if (session.visitorToken) writeStored(visitorTokenKey(options.appKey), session.visitorToken);
    claimOutbox(options.appKey, session.user.id, session.visitorToken ? 'anonymous' : credential);
    applySession(session);
  });
  socket.on('message:new', receivePushed);
  socket.on('conversation:updated', applyConversation);
  socket.on('queue:position', applyQueuePosition);
  socket.on('typing', showTyping);
  socket.on('read:updated', applyReadUpdate);
  socket.on('ticket:updated', receiveTicket);
  socket.on('quality:notice', noticeQuality);
  socket.on('incident:notice', noticeIncident);
  socket.on('tickets:unread', ({ count }) => $ticketsUnread.set(count));
  socket.on('disconnect', (reason) => {
    connectionLost();
    // The client does not come back by itself after a server-side disconnect (e.g. a node shutting down).
    if (reason === 'io server disconnect') retry(1_000 + Math.random() * 2_000);
  });
  socket.on('connect_error', (error) => {
    const data = (error as { data?: { code?: ErrorCode; retryAfterMs?: number } }).data;
    const code = data?.code;
    // Without a code it is the network: Socket.IO keeps retrying on its own.
    if (!code || socket.active) return connectionLost();
    if (RETRY_ONCE.includes(code) && !retriedRefusal) {
      retriedRefusal = true;
      if (code === 'unauthorized') writeStored(visitorTokenKey(options.appKey), null);
      return void socket.connect();
    }
    if (RETRY_LATER_CODES.includes(code)) {
      connectionLost();
      // A whole class refused at once must not come back at the same instant: spread them over a second.
      return void retry((code === 'rate_limited' ? retryDelayOf(data) : RETRY_LATER) + Math.random() * 1_000);
    }
    connectionRefused(error.message, code);
  });

  const wire: Wire = {
    request: (event, payload) => {
      // No buffering while offline: the outbox resends after the next session, so a buffered copy would be a duplicate.
      if (!socket.connected) return Promise.reject(new Error(OFFLINE));
      // Rejects when no ack comes in time.
      const timed = socket.timeout(ACK_TIMEOUT);
      // The one cast: Socket.IO's typings relate a literal event name to its ack, not a generic one; the
      // Wire's own signature (wire.ts) is the same relation spelled over the shared event map.
      return (timed.emitWithAck.bind(timed) as unknown as Wire['request'])(event, payload);
    },
    typing: (payload) => {
      if (socket.connected) socket.emit('typing', payload);
    },
    reportQuality: (report) => {
      if (socket.connected) socket.emit('quality:report', report);
    },
  };
  setWire(wire);
  return socket;
}
