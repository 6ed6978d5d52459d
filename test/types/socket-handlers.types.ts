// Type test of the server's socket request registration (server/transport/socket/handler.ts) and of the test
// helper `request` (test/support/server.ts), checked by
// `npm run typecheck` (never run): a handler names its event once and gets that event's payload and ack types;
// the mistakes below must stay errors (@ts-expect-error fails when they compile).
import type { Urgency } from '../../shared/chat-priority';
import type { ChatMessage, ConversationSummary } from '../../shared/model';
import type { Inbox } from '../../shared/protocol';
import type { HandlerContext, OnAgentRequest, OnVisitorRequest } from '../../server/transport/socket/handler';
import { agentRequests, visitorRequests } from '../../server/transport/socket/handler';
import type { AgentSocket, VisitorSocket } from '../../server/transport/socket/types';
import { type AgentClient, okData, request, type VisitorClient } from '../support/server';

declare const visitorSocket: VisitorSocket;
declare const agentSocket: AgentSocket;
declare const ctx: HandlerContext;
declare const message: ChatMessage;
declare const summary: ConversationSummary;
declare const inbox: Inbox;

const onVisitor: OnVisitorRequest = visitorRequests(visitorSocket, ctx);
const onAgent: OnAgentRequest = agentRequests(agentSocket, ctx);

// The payload is the schema's output: its fields are typed, and the ack's data is the event's.
onVisitor('message:send', async ({ conversationId, clientId, text }) => {
  const fields: string = conversationId + clientId + text;
  void fields;
  return message;
});
onVisitor(
  'conversation:start',
  async ({ urgency }) => {
    const level: Urgency | undefined = urgency;
    void level;
    throw new Error('not reached');
  },
  (view) => view.queuePosition,
);
onVisitor('typing', async ({ typing }) => {
  void (typing satisfies boolean);
  return null;
});
onAgent('inbox:fetch', async () => inbox);
onAgent('queue:pick', async ({ conversationId }) => ({ ...summary, id: conversationId }));

// @ts-expect-error no such event in the visitor protocol
onVisitor('conversation:open', async () => null);
// @ts-expect-error an agent-only event is not a visitor's
onVisitor('queue:pick', async () => summary);
// @ts-expect-error no such event at all
onAgent('message:sned', async () => message);
// @ts-expect-error message:send's payload has no `body`
onVisitor('message:send', async ({ body }) => body);
// @ts-expect-error message:send's text is a string, not a number
onAgent('message:send', async ({ text: _text }: { text: number }) => message);
// @ts-expect-error message:send's ack carries a ChatMessage, not a summary
onAgent('message:send', async () => summary);
// @ts-expect-error inbox:fetch's ack carries the three lists, not one
onAgent('inbox:fetch', async () => [summary]);
// @ts-expect-error typing has no ack: the handler resolves with null
onVisitor('typing', async () => message);
declare const startRun: () => Promise<never>;
// @ts-expect-error `acked` gets the ack's data (a VisitorConversation), which has no `seq`
onVisitor('conversation:start', startRun, (view) => view.seq);

// The test helper `request` is typed the same way, from the client's side.
declare const visitorClient: VisitorClient;
declare const agentClient: AgentClient;
export async function helperTyping(): Promise<void> {
  const sent = okData(await request(visitorClient, 'message:send', { conversationId: 'c', clientId: 'm', text: 'hi' }));
  void (sent.seq satisfies number);
  const own = okData(await request(agentClient, 'inbox:fetch'));
  void (own.watching satisfies ConversationSummary[]);
  // @ts-expect-error no such event for a visitor
  await request(visitorClient, 'inbox:fetch');
  // @ts-expect-error message:send's payload needs its clientId
  await request(visitorClient, 'message:send', { conversationId: 'c', text: 'hi' });
  // @ts-expect-error inbox:fetch sends no payload
  await request(agentClient, 'inbox:fetch', {});
  const started = okData(await request(visitorClient, 'conversation:start', { clientId: 'c', context: {} }));
  // @ts-expect-error conversation:start's ack carries a VisitorConversation, which has no `seq`
  void started.seq;
}
