import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '../../../shared/model';
import type { SendMessage } from '../../../shared/protocol';
import type { CallResult } from '../transport';
import { $connection } from './connection';
import { setDraft } from './drafts';
import { fakeLink, offline } from './fake-link';
import { $outbox, resendStalled, sendDraft } from './outbox';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const stored = (p: SendMessage, seq: number): CallResult<ChatMessage> => ({
  ok: true,
  data: {
    id: `m${seq}`,
    conversationId: p.conversationId,
    seq,
    clientId: p.clientId,
    authorKind: 'agent',
    authorName: 'Lin',
    text: p.text,
    createdAt: seq,
  },
});
const reply = (conversationId: string, text: string) => {
  setDraft(conversationId, text);
  sendDraft(conversationId);
};
const texts = (payloads: unknown[]) => (payloads as SendMessage[]).map((p) => p.text);

beforeEach(() => {
  $outbox.set([]);
  $connection.set('online');
});
afterEach(() => {
  vi.useRealTimers();
});

describe('replies', () => {
  it('go out one at a time per chat, in the order they were written', async () => {
    const acks: Array<() => void> = [];
    let seq = 0;
    const link = fakeLink({ sendMessage: (p: SendMessage) => new Promise((resolve) => acks.push(() => resolve(stored(p, ++seq)))) });
    reply('chat-1', 'Try another browser.');
    reply('chat-1', 'Then rejoin the class.');
    reply('chat-2', 'Hello!');
    await settle();
    expect(texts(link.of('sendMessage'))).toEqual(['Try another browser.', 'Hello!']);
    acks.shift()?.();
    await settle();
    expect(texts(link.of('sendMessage'))).toEqual(['Try another browser.', 'Hello!', 'Then rejoin the class.']);
    for (const ack of acks) ack();
    await settle();
    expect($outbox.get()).toEqual([]);
  });

  it('resend what stalled before a newer reply of the same chat, with the same client ids', async () => {
    $connection.set('reconnecting');
    const down = fakeLink({ sendMessage: async () => offline() });
    reply('chat-1', 'first');
    await settle();
    expect($outbox.get()).toMatchObject([{ text: 'first', state: 'failed', stalled: true }]);
    const firstId = (down.of('sendMessage')[0] as SendMessage).clientId;

    $connection.set('online');
    let seq = 0;
    const up = fakeLink({ sendMessage: async (p: SendMessage) => stored(p, ++seq) });
    reply('chat-1', 'second');
    resendStalled();
    await settle();
    expect(texts(up.of('sendMessage'))).toEqual(['first', 'second']);
    expect((up.of('sendMessage')[0] as SendMessage).clientId).toBe(firstId);
    expect($outbox.get()).toEqual([]);
  });

  it('wait out rate_limited by themselves, then go out in order with the same client ids', async () => {
    vi.useFakeTimers();
    let limited = true;
    let seq = 0;
    const link = fakeLink({
      sendMessage: async (p: SendMessage) =>
        limited ? { ok: false, error: { code: 'rate_limited', message: 'slow down', retryAfterMs: 4_000 } } : stored(p, ++seq),
    });
    reply('chat-1', 'first');
    reply('chat-1', 'second');
    await vi.advanceTimersByTimeAsync(0);
    expect($outbox.get()).toMatchObject([
      { text: 'first', state: 'sending', slowedDown: true },
      { text: 'second', state: 'sending' },
    ]);
    expect(texts(link.of('sendMessage'))).toEqual(['first']);
    limited = false;
    await vi.advanceTimersByTimeAsync(4_000);
    expect($outbox.get()).toEqual([]);
    const sent = link.of('sendMessage') as SendMessage[];
    expect(texts(sent)).toEqual(['first', 'first', 'second']);
    expect(sent[1]?.clientId).toBe(sent[0]?.clientId);
  });

  it('resend by themselves, in order and with the same client ids, what the server could not store (unavailable)', async () => {
    vi.useFakeTimers();
    let databaseUp = false;
    let seq = 0;
    const link = fakeLink({
      sendMessage: async (p: SendMessage): Promise<CallResult<ChatMessage>> =>
        databaseUp ? stored(p, ++seq) : { ok: false, error: { code: 'unavailable', message: 'The database cannot be reached right now' } },
    });
    reply('chat-1', 'first');
    reply('chat-1', 'second');
    await vi.advanceTimersByTimeAsync(0);
    expect($outbox.get()).toMatchObject([
      { text: 'first', state: 'failed', stalled: true },
      { text: 'second', state: 'failed', stalled: true },
    ]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(texts(link.of('sendMessage'))).toEqual(['first', 'second', 'first', 'second']);
    databaseUp = true;
    await vi.advanceTimersByTimeAsync(5_000);
    expect($outbox.get()).toEqual([]);
    const sent = link.of('sendMessage') as SendMessage[];
    expect(texts(sent.slice(-2))).toEqual(['first', 'second']);
    expect(sent.slice(-2).map((p) => p.clientId)).toEqual(sent.slice(0, 2).map((p) => p.clientId));
  });
});
