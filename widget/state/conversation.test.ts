import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useLocalTexts } from '../i18n/local-texts';
import { ok } from '../../shared/errors';
import {
  $conversation,
  $messages,
  applyConversation,
  applyQueuePosition,
  contiguousSeq,
  mergeBySeq,
  receiveMessages,
  receivePushed,
  syncHistory,
} from './conversation';
import { conversation, CONVERSATION_ID, fakeWire, message, settle } from './fake-wire';
import { $outbox, addPending } from './outbox';
import { $unread } from './read-state';
import { $status } from './status';
import { $open } from './ui';

const seqs = (messages: { seq: number }[]) => messages.map((m) => m.seq);

beforeAll(() => useLocalTexts('en'));

beforeEach(() => {
  $conversation.set(conversation({ status: 'active', agentName: 'Ada' }));
  $messages.set([]);
  $outbox.set([]);
  $open.set(false);
});

describe('mergeBySeq', () => {
  it('orders by seq whatever order messages arrive in', () => {
    expect(seqs(mergeBySeq([message(2)], [message(4), message(1), message(3)]))).toEqual([1, 2, 3, 4]);
  });

  it('never holds a seq twice', () => {
    const held = [message(1), message(2)];
    expect(seqs(mergeBySeq(held, [message(2), message(3), message(3)]))).toEqual([1, 2, 3]);
  });

  it('keeps the copy it already holds', () => {
    const held = [message(1, { text: 'first copy' })];
    expect(mergeBySeq(held, [message(1, { text: 'second copy' })])[0]?.text).toBe('first copy');
  });

  it('returns the very same array when nothing is new, so stores do not notify', () => {
    const held = [message(1)];
    expect(mergeBySeq(held, [message(1)])).toBe(held);
  });
});

describe('contiguousSeq', () => {
  it('is where the gap-free run from seq 1 ends', () => {
    expect(contiguousSeq([])).toBe(0);
    expect(contiguousSeq([message(1), message(2), message(3)])).toBe(3);
    expect(contiguousSeq([message(1), message(2), message(5)])).toBe(2);
  });
});

describe('receiveMessages', () => {
  it('replaces a pending message by the server copy with the same clientId', () => {
    addPending('c1', 'hello');
    receiveMessages([message(1, { clientId: 'c1', authorKind: 'visitor', text: 'hello' })]);
    expect($outbox.get()).toEqual([]);
    expect($messages.get().map((m) => m.text)).toEqual(['hello']);
  });

  it('ignores messages of another conversation', () => {
    receiveMessages([message(1, { conversationId: 'other' })]);
    expect($messages.get()).toEqual([]);
  });

  it("counts what support wrote after the visitor's read mark, each message once, and no routing notes", () => {
    receiveMessages([message(1), message(2, { authorKind: 'system' }), message(3)]);
    receiveMessages([message(1)]);
    expect($unread.get()).toBe(2);
    $conversation.set(conversation({ status: 'active', visitorReadSeq: 1 }));
    expect($unread.get()).toBe(1);
  });
});

describe('catching up', () => {
  it('fetches page after page from the last seq held, merging without duplicates', async () => {
    $messages.set([message(1), message(2)]);
    const wire = fakeWire({
      'history:fetch': ({ afterSeq }) =>
        ok(afterSeq === 2 ? { messages: [message(2), message(3)], hasMore: true } : { messages: [message(4)], hasMore: false }),
    });
    await syncHistory();
    expect(wire.calls.map((call) => (call.payload as { afterSeq: number }).afterSeq)).toEqual([2, 3]);
    expect(seqs($messages.get())).toEqual([1, 2, 3, 4]);
    // Nothing was marked read: all four are unread, after a reload just as live.
    expect($unread.get()).toBe(4);
  });

  it('refetches from before the hole when a pushed message skips a seq', async () => {
    $messages.set([message(1)]);
    const wire = fakeWire({ 'history:fetch': () => ok({ messages: [message(2), message(3)], hasMore: false }) });
    receivePushed(message(3));
    await settle();
    expect(wire.calls).toEqual([expect.objectContaining({ payload: expect.objectContaining({ afterSeq: 1 }) })]);
    expect(seqs($messages.get())).toEqual([1, 2, 3]);
  });

  it('starts afresh when the server reports another conversation', () => {
    $messages.set([message(1)]);
    applyConversation(conversation({ id: 'b0a7f0de-0000-4000-8000-000000000000', status: 'queued' }));
    expect($messages.get()).toEqual([]);
  });

  it('ignores a late "closed" about an older conversation', () => {
    applyConversation(conversation({ id: 'b0a7f0de-0000-4000-8000-000000000000', status: 'closed' }));
    expect($conversation.get()?.status).toBe('active');
  });
});

describe('queue position updates', () => {
  it('moves the waiting chat to its new place and changes nothing else', () => {
    applyConversation(conversation({ status: 'queued', queuePosition: 7, lastSeq: 2, visitorReadSeq: 2 }));
    applyQueuePosition({ conversationId: CONVERSATION_ID, position: 3 });
    expect($conversation.get()).toEqual(conversation({ status: 'queued', queuePosition: 3, lastSeq: 2, visitorReadSeq: 2 }));
    expect($status.get()).toBe('Waiting for an agent… You are number 3 in the queue.');
  });

  it('ignores an update for another conversation', () => {
    applyConversation(conversation({ status: 'queued', queuePosition: 7 }));
    applyQueuePosition({ conversationId: 'b0a7f0de-0000-4000-8000-000000000000', position: 1 });
    expect($conversation.get()?.queuePosition).toBe(7);
  });

  it('ignores an update that arrives after an agent took the chat', () => {
    applyConversation(conversation({ status: 'active', agentName: 'Ada', queuePosition: null }));
    applyQueuePosition({ conversationId: CONVERSATION_ID, position: 2 });
    expect($conversation.get()).toMatchObject({ status: 'active', queuePosition: null });
  });

  it('ignores an update before any conversation is known', () => {
    $conversation.set(null);
    applyQueuePosition({ conversationId: CONVERSATION_ID, position: 2 });
    expect($conversation.get()).toBeNull();
  });

  it('does not notify listeners when the place is the same', () => {
    applyConversation(conversation({ status: 'queued', queuePosition: 4 }));
    let notified = 0;
    const stop = $conversation.listen(() => notified++);
    applyQueuePosition({ conversationId: CONVERSATION_ID, position: 4 });
    stop();
    expect(notified).toBe(0);
  });
});
