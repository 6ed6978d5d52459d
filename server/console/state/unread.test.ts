import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConversationSummary } from '../../../shared/model';
import type { MarkRead } from '../../../shared/protocol';
import { fakeLink, offline } from './fake-link';
import { $inbox } from './inbox';
import { $myReads, applyReadUpdate, loadReads, markRead, noteVisitorMessage, resetReads } from './read-marks';
import { $unread, $unreadChats } from './unread';

const chat = (id: string, lastSeq: number) => ({ id, lastSeq, status: 'active' }) as ConversationSummary;
const acceptMarks = () => fakeLink({ markRead: async ({ conversationId, seq }: MarkRead) => ({ ok: true, data: { conversationId, seq } }) });

beforeEach(() => {
  vi.useFakeTimers();
  resetReads();
  $inbox.set({ ...$inbox.get(), queued: [chat('q', 4)], mine: [chat('a', 6), chat('b', 2)] });
  // Chat a: the visitor wrote 1, 3 and 5 (2 and 4 are replies and system notes); chat b: 2; the queued chat: 1.
  for (const seq of [1, 3, 5]) noteVisitorMessage('a', seq);
  noteVisitorMessage('b', 2);
  noteVisitorMessage('q', 1);
});
afterEach(() => vi.useRealTimers());

describe('unread counts', () => {
  it("count the visitor's messages after my read mark in each of my chats, nothing else", () => {
    expect($unread.get()).toEqual({ a: 3, b: 1 });
    applyReadUpdate({ conversationId: 'a', reader: 'agent', agentId: 'me', seq: 3 });
    applyReadUpdate({ conversationId: 'b', reader: 'agent', agentId: 'me', seq: 2 });
    expect($unread.get()).toEqual({ a: 1 });
    expect($unreadChats.get()).toBe(1);
  });

  it("count each message once, and ignore the visitor's own read mark and marks that would move back", () => {
    noteVisitorMessage('a', 5);
    applyReadUpdate({ conversationId: 'a', reader: 'agent', agentId: 'me', seq: 4 });
    applyReadUpdate({ conversationId: 'a', reader: 'agent', agentId: 'me', seq: 1 });
    applyReadUpdate({ conversationId: 'a', reader: 'visitor', seq: 6 });
    expect($unread.get().a).toBe(1);
  });

  it('drop at once when I read, and the server hears of it once the messages settle', async () => {
    const link = acceptMarks();
    markRead('a', 4);
    markRead('a', 6);
    expect($unread.get().a).toBeUndefined();
    expect(link.of('markRead')).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(link.of('markRead')).toEqual([{ conversationId: 'a', seq: 6 }]);
  });

  it("come back the same after a reconnect: the server's marks and unread messages, plus what this tab read offline", async () => {
    fakeLink({ markRead: async () => offline() });
    markRead('b', 2);
    await vi.advanceTimersByTimeAsync(300);
    // What a reload keeps: nothing but what this tab still owes the server.
    $myReads.set({});
    const link = fakeLink({
      fetchReads: async () => ({ ok: true, data: { reads: { a: { mine: 3, visitor: 6, unread: [5] }, b: { mine: 0, visitor: 2, unread: [2] } } } }),
      markRead: async ({ conversationId, seq }: MarkRead) => ({ ok: true, data: { conversationId, seq } }),
    });
    await loadReads(['a', 'b']);
    expect(link.of('fetchReads')).toEqual([{ conversationIds: ['a', 'b'] }]);
    expect(link.of('markRead')).toEqual([{ conversationId: 'b', seq: 2 }]);
    expect($unread.get()).toEqual({ a: 1 });
  });
});
