// The open chat's timeline: messages in seq order with moves and internal notes placed by time.
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../shared/model';
import type { ChatMove, InternalNote } from '../../../shared/routing-model';
import { timeline } from './journal';

const message = (seq: number, createdAt: number): ChatMessage => ({
  id: `m${seq}`,
  conversationId: 'c',
  seq,
  clientId: null,
  authorKind: 'visitor',
  authorName: 'Ada',
  text: `m${seq}`,
  createdAt,
});
const move = (id: string, createdAt: number): ChatMove => ({
  id,
  conversationId: 'c',
  kind: 'transferred',
  actor: null,
  from: null,
  to: null,
  toTarget: null,
  reason: null,
  note: null,
  createdAt,
});
const note = (id: string, createdAt: number): InternalNote => ({
  id,
  conversationId: 'c',
  clientId: id,
  author: { id: 'a', name: 'Lin' },
  text: id,
  createdAt,
});

describe('timeline', () => {
  it('places moves and notes between the messages by time', () => {
    const items = timeline([message(1, 100), message(2, 300)], [move('transfer', 200)], [note('n1', 250), note('n2', 400)]);
    expect(items.map((i) => i.key)).toEqual(['msg-1', 'move-transfer', 'note-n1', 'msg-2', 'note-n2']);
  });

  it('puts a move before the system message written in the same millisecond', () => {
    expect(timeline([message(1, 100)], [move('assigned', 100)], []).map((i) => i.key)).toEqual(['move-assigned', 'msg-1']);
  });
});
