import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../shared/model';
import { contiguousEnd, mergeBySeq } from './messages';

const msg = (seq: number, text = `m${seq}`): ChatMessage => ({
  id: `id-${seq}`,
  conversationId: 'c',
  seq,
  clientId: null,
  authorKind: 'visitor',
  authorName: 'Ada',
  text,
  createdAt: seq,
});
const seqs = (messages: ChatMessage[]) => messages.map((m) => m.seq);

describe('mergeBySeq', () => {
  it('keeps a message delivered twice (ack and broadcast) once', () => {
    expect(seqs(mergeBySeq([msg(1), msg(2)], [msg(2), msg(3)]))).toEqual([1, 2, 3]);
  });

  it('orders messages that arrive out of order', () => {
    expect(seqs(mergeBySeq([msg(3)], [msg(1), msg(2)]))).toEqual([1, 2, 3]);
  });

  it('returns the held history untouched when nothing new arrives', () => {
    const held = [msg(1)];
    expect(mergeBySeq(held, [])).toBe(held);
  });
});

describe('contiguousEnd', () => {
  it('is 0 for an empty history', () => {
    expect(contiguousEnd([])).toBe(0);
  });

  it('stops before the first gap, so a catch-up asks for what is missing', () => {
    expect(contiguousEnd([msg(1), msg(2), msg(4)])).toBe(2);
  });

  it('counts from the first held message when only the latest page is held', () => {
    expect(contiguousEnd([msg(50), msg(51)])).toBe(51);
  });
});
