import { beforeEach, describe, expect, it } from 'vitest';
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
  data: { id: `m${seq}`, conversationId: p.conversationId, seq, clientId: p.clientId, authorKind: 'agent', authorName: 'Lin', text: p.text, createdAt: seq },
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
    acks.forEach((ack) => ack());
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
});
