// Where conversation updates land in the agent's inbox lists.
import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../../shared/model';
import { EMPTY_INBOX, placeSummary, withdrawSummary } from './inbox';
import { aSummary as summary } from './summary-fixture';

const ME = 'agent-me';
const ids = (list: ConversationSummary[]) => list.map((c) => c.id);
const queueOf = (...items: ConversationSummary[]) => ({ ...EMPTY_INBOX, queued: items });

describe('placeSummary', () => {
  it('puts a queued chat in the Queue, oldest first among equal deadlines', () => {
    const inbox = placeSummary(queueOf(summary('b', { createdAt: 2 })), summary('a', { createdAt: 1 }), ME);
    expect(ids(inbox.queued)).toEqual(['a', 'b']);
  });

  it('orders the Queue as routing does: returned chats first, then the earliest deadline', () => {
    const relaxed = summary('homework', { createdAt: 1, routing: { ...summary('x').routing, priority: 'P4', firstResponseDueAt: 9_000 } });
    const urgent = summary('class-down', { createdAt: 5, routing: { ...summary('x').routing, priority: 'P1', firstResponseDueAt: 1_000 } });
    const returned = summary('returned', { createdAt: 3, routing: { ...summary('x').routing, front: true, firstResponseDueAt: 8_000 } });
    const inbox = [relaxed, urgent, returned].reduce((acc, s) => placeSummary(acc, s, ME), EMPTY_INBOX);
    expect(ids(inbox.queued)).toEqual(['returned', 'class-down', 'homework']);
  });

  it('moves a chat assigned to me from the Queue to Mine', () => {
    const inbox = placeSummary(queueOf(summary('a')), summary('a', { status: 'active', assignee: { id: ME, name: 'Me' } }), ME);
    expect(inbox).toEqual({ queued: [], mine: [expect.objectContaining({ id: 'a' })], watching: [] });
  });

  it('drops a chat another agent took from the Queue', () => {
    const inbox = placeSummary(queueOf(summary('a')), summary('a', { status: 'active', assignee: { id: 'other', name: 'Other' } }), ME);
    expect(inbox).toEqual(EMPTY_INBOX);
  });

  it('keeps a chat I handed over in the handed-over list until it closes', () => {
    const mine = summary('a', { status: 'active', assignee: { id: ME, name: 'Me' } });
    const handedOver = { ...mine, assignee: { id: 'sam', name: 'Sam' }, routing: { ...mine.routing, previousAgentIds: [ME] } };
    const inbox = placeSummary({ ...EMPTY_INBOX, mine: [mine] }, handedOver, ME);
    expect(inbox).toEqual({ queued: [], mine: [], watching: [expect.objectContaining({ id: 'a' })] });
    expect(placeSummary(inbox, { ...handedOver, status: 'closed' }, ME)).toEqual(EMPTY_INBOX);
  });

  it('drops a closed chat from Mine', () => {
    const mine = summary('a', { status: 'active', assignee: { id: ME, name: 'Me' } });
    const inbox = placeSummary({ ...EMPTY_INBOX, mine: [mine] }, { ...mine, status: 'closed' }, ME);
    expect(inbox.mine).toEqual([]);
  });

  it('updates a listed chat in place rather than listing it twice', () => {
    const inbox = placeSummary(queueOf(summary('a')), summary('a', { preview: 'hello' }), ME);
    expect(inbox.queued).toEqual([expect.objectContaining({ id: 'a', preview: 'hello' })]);
  });
});

describe('withdrawSummary', () => {
  it('drops a chat I may no longer read from every list, and leaves the others', () => {
    const inbox = { queued: [summary('a'), summary('b')], mine: [summary('c')], watching: [summary('a')] };
    expect(withdrawSummary(inbox, 'a')).toEqual({
      queued: [expect.objectContaining({ id: 'b' })],
      mine: [expect.objectContaining({ id: 'c' })],
      watching: [],
    });
  });
});
