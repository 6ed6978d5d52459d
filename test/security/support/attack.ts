// What the security suite's attacks share: raw HTTP calls with chosen headers, consoles, visitors with a chat.
import type { Result } from '../../../shared/errors';
import type { VisitorConversation } from '../../../shared/model';
import type { Agent, Organisation } from '../../../server/domain/records';
import { newClientId, nextEvent, okData, request, type AgentClient, type TestServer, type VisitorClient } from '../../support/server';

export interface Answer<T = unknown> {
  status: number;
  contentType: string;
  body: Result<T>;
}

/** One HTTP call with exactly the headers given (fetch adds no Origin of its own). */
export async function call<T = unknown>(
  server: { url: string },
  method: string,
  path: string,
  { headers = {}, body }: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<Answer<T>> {
  const all: Record<string, string> = { ...headers };
  if (body !== undefined) all['content-type'] ??= 'application/json';
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: all,
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: 'manual',
  });
  const contentType = res.headers.get('content-type') ?? '';
  const text = await res.text();
  const parsed = contentType.includes('application/json')
    ? (JSON.parse(text) as Result<T>)
    : ({ ok: false, error: { code: 'internal', message: text } } as Result<T>);
  return { status: res.status, contentType, body: parsed };
}

/** The error code of a refused answer, or 'ok' when it was not refused. */
export const codeOf = (answer: Answer): string => (answer.body.ok ? 'ok' : answer.body.error.code);

export interface Console {
  agent: Agent & { password: string };
  cookie: string;
  socket: AgentClient;
}

/** A signed-in console (socket connected, session received), optionally available for chats. */
export async function openConsole(server: TestServer, over: Partial<Agent> = {}, available = false): Promise<Console> {
  const agent = await server.agent(over);
  const cookie = await server.signIn(agent.email, agent.password);
  const socket = server.agentSocket(cookie);
  await nextEvent(socket, 'session');
  if (available) okData(await request(socket, 'presence:set', { available: true }));
  return { agent, cookie, socket };
}

/** An anonymous visitor who started a chat and wrote `text` in it. */
export async function visitorWithChat(
  server: TestServer,
  org: Organisation,
  text: string,
  start: Record<string, unknown> = {},
): Promise<{ socket: VisitorClient; chat: VisitorConversation }> {
  const socket = server.visitor({ appKey: org.appKey, name: 'Ada' });
  await nextEvent(socket, 'session');
  const chat = okData(await request(socket, 'conversation:start', { clientId: newClientId(), context: {}, ...start }));
  okData(await request(socket, 'message:send', { conversationId: chat.id, clientId: newClientId(), text }));
  return { socket, chat };
}

/** Waits long enough for anything the server would still send to have arrived. */
export const settle = (ms = 300): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
