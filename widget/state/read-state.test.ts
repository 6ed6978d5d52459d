import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../shared/errors';
import type { MarkRead } from '../../shared/protocol';
import { $conversation, $messages, applyConversation, receiveMessages } from './conversation';
import { conversation, fakeWire, message } from './fake-wire';
import { $seenSeq, $unread, applyReadUpdate, noteSeen, sendReadMark } from './read-state';
import { memoryStorage } from './memory-storage';
import { $open } from './ui';

const visitorSays = (seq: number) => message(seq, { conversationId: id, authorKind: 'visitor', authorName: 'Sam', clientId: `c${seq}` });
const agentSays = (seq: number) => message(seq, { conversationId: id });

function serverThatStoresMarks() {
  let mark = 0;
  return fakeWire({
    'read:mark': ({ conversationId, seq }: MarkRead) => {
      mark = Math.max(mark, seq);
      return ok({ conversationId, seq: mark });
    },
  });
}

let id = '';
beforeEach(() => {
  vi.useFakeTimers();
  // A new conversation per test: what one page showed in an earlier test must not count here.
  id = crypto.randomUUID();
  $conversation.set(conversation({ id, status: 'active', agentName: 'Ada' }));
  $messages.set([]);
  $open.set(false);
});
afterEach(() => vi.useRealTimers());

describe('the unread badge', () => {
  it('comes from the read mark the server holds, so it is the same after a reconnect or reload', () => {
    receiveMessages([visitorSays(1), agentSays(2), agentSays(3), agentSays(4)]);
    expect($unread.get()).toBe(3);
    applyConversation(conversation({ id, status: 'active', visitorReadSeq: 3 }));
    expect($unread.get()).toBe(1);
  });

  it('clears while the visitor looks at the open panel, and tells the server once things settle', async () => {
    const wire = serverThatStoresMarks();
    receiveMessages([agentSays(1), agentSays(2)]);
    noteSeen();
    expect($unread.get()).toBe(2);
    $open.set(true);
    noteSeen();
    expect($unread.get()).toBe(0);
    expect(wire.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(wire.calls.map((c) => c.payload)).toEqual([{ conversationId: id, seq: 2 }]);
    expect($conversation.get()?.visitorReadSeq).toBe(2);
  });

  it("counts nothing before the visitor's own latest message: writing means having read", () => {
    receiveMessages([agentSays(1), visitorSays(2), agentSays(3)]);
    expect($unread.get()).toBe(1);
  });

  it('drops when another tab of the same visitor reads', () => {
    receiveMessages([agentSays(1), agentSays(2)]);
    applyReadUpdate({ conversationId: id, reader: 'visitor', seq: 2 });
    expect($unread.get()).toBe(0);
  });

  it('sends after a reconnect what the page showed while offline', async () => {
    receiveMessages([agentSays(1)]);
    $open.set(true);
    fakeWire({ 'read:mark': () => Promise.reject(new Error('offline')) });
    noteSeen();
    await vi.advanceTimersByTimeAsync(300);
    expect($conversation.get()?.visitorReadSeq).toBe(0);
    const wire = serverThatStoresMarks();
    await sendReadMark();
    expect(wire.calls).toHaveLength(1);
    expect($conversation.get()?.visitorReadSeq).toBe(1);
  });

  it('stays clear after a reload that came before the mark reached the server, and the next session sends it', async () => {
    vi.stubGlobal('localStorage', memoryStorage());
    try {
      receiveMessages([agentSays(1), agentSays(2)]);
      $open.set(true);
      noteSeen();
      expect($unread.get()).toBe(0);

      // The page reloads within the pause: fresh modules, nothing sent yet, the server still says 0.
      vi.resetModules();
      const fresh = {
        conversation: await import('./conversation'),
        readState: await import('./read-state'),
        wire: await import('./fake-wire'),
      };
      fresh.conversation.applyConversation(conversation({ id, status: 'active', agentName: 'Ada' }));
      fresh.conversation.receiveMessages([agentSays(1), agentSays(2)]);
      expect(fresh.readState.$unread.get()).toBe(0);

      const calls: unknown[] = [];
      fresh.wire.fakeWire({
        'read:mark': (payload: MarkRead) => {
          calls.push(payload);
          return ok({ conversationId: id, seq: payload.seq });
        },
      });
      await fresh.readState.sendReadMark();
      expect(calls).toEqual([{ conversationId: id, seq: 2 }]);
      // Confirmed: nothing is left behind in storage.
      expect(localStorage.getItem(`cs:seen:${id}`)).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('"Seen"', () => {
  it("follows the support side's read mark, which never moves back", () => {
    receiveMessages([visitorSays(1), visitorSays(2)]);
    applyReadUpdate({ conversationId: id, reader: 'agent', seq: 1 });
    expect($seenSeq.get()).toBe(1);
    // A conversation:updated computed before that read arrives late; it must not undo it.
    applyConversation(conversation({ id, status: 'active', agentReadSeq: 0 }));
    expect($seenSeq.get()).toBe(1);
    applyReadUpdate({ conversationId: 'another', reader: 'agent', seq: 9 });
    expect($seenSeq.get()).toBe(1);
  });

  it("covers everything before an agent's reply", () => {
    receiveMessages([visitorSays(1), visitorSays(2), agentSays(3)]);
    expect($seenSeq.get()).toBe(3);
  });
});
