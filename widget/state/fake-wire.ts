// A scripted stand-in for the server, for unit tests of the state layer (never part of the bundle).
import type { Result } from '../../shared/errors';
import type { ChatMessage, VisitorConversation } from '../../shared/model';
import { setWire, type Reply, type RequestName, type RequestPayload } from './wire';

type Handlers = { [E in RequestName]?: (payload: RequestPayload<E>) => Result<Reply<E>> | Promise<Result<Reply<E>>> };

export function fakeWire(handlers: Handlers) {
  const calls: { event: RequestName; payload: unknown }[] = [];
  const typing: unknown[] = [];
  const reports: unknown[] = [];
  setWire({
    request: async (event, payload) => {
      calls.push({ event, payload });
      const handler = handlers[event] as ((payload: unknown) => unknown) | undefined;
      if (!handler) throw new Error(`unexpected ${event}`);
      return handler(payload) as never;
    },
    typing: (payload) => typing.push(payload),
    reportQuality: (report) => void reports.push(report),
  });
  return { calls, typing, reports, sent: () => calls.filter((call) => call.event === 'message:send').map((call) => call.payload) };
}

export const CONVERSATION_ID = '6f1c2a4e-9b1d-4c3e-8a2f-1d2e3f4a5b6c';

export function conversation(patch: Partial<VisitorConversation> = {}): VisitorConversation {
  return {
    id: CONVERSATION_ID,
    status: 'queued',
    agentName: null,
    queuePosition: 1,
    lastSeq: 0,
    visitorReadSeq: 0,
    agentReadSeq: 0,
    agentAway: false,
    ...patch,
  };
}

export function message(seq: number, patch: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: `m${seq}`,
    conversationId: CONVERSATION_ID,
    seq,
    clientId: null,
    authorKind: 'agent',
    authorName: 'Ada',
    text: `message ${seq}`,
    createdAt: 1_700_000_000_000 + seq,
    ...patch,
  };
}

/** Lets every pending promise callback of the fake server run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
