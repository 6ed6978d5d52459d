// The agent's inbox: the queue (in routing order), the chats assigned to me, and the open chats I handed
// over (I keep read access to those).
import { atom } from 'nanostores';
import { compareQueuedChats } from '../../../shared/chat-queue';
import type { ConversationSummary } from '../../../shared/model';
import type { Inbox } from '../../../shared/protocol';

export const EMPTY_INBOX: Inbox = { queued: [], mine: [], watching: [] };

export const $inbox = atom<Inbox>(EMPTY_INBOX);
/** False until the first inbox:fetch answers, so the lists can say "Loading" rather than "empty". */
export const $inboxLoaded = atom(false);

const byAge = (a: ConversationSummary, b: ConversationSummary) => a.createdAt - b.createdAt;

/** Orders a freshly fetched inbox: the queue as routing offers it, my chats by deadline pressure too. */
export function sortInbox(inbox: Inbox): Inbox {
  return {
    queued: [...inbox.queued].sort(compareQueuedChats),
    mine: [...inbox.mine].sort(compareQueuedChats),
    watching: [...inbox.watching].sort(byAge),
  };
}

/**
 * Where one changed conversation belongs: queued → Queue; active and assigned to me → Mine; open and
 * held by me before → handed over; closed or someone else's → no list.
 */
export function placeSummary(inbox: Inbox, summary: ConversationSummary, myId: string): Inbox {
  const without = (list: ConversationSummary[]) => list.filter((c) => c.id !== summary.id);
  const next = { queued: without(inbox.queued), mine: without(inbox.mine), watching: without(inbox.watching) };
  if (summary.status === 'queued') next.queued.push(summary);
  else if (summary.status === 'active' && summary.assignee?.id === myId) next.mine.push(summary);
  if (summary.status !== 'closed' && summary.assignee?.id !== myId && summary.routing.previousAgentIds.includes(myId)) {
    next.watching.push(summary);
  }
  return sortInbox(next);
}

/** A chat I may no longer read (someone else took it, or it closed) leaves every list. */
export function withdrawSummary(inbox: Inbox, conversationId: string): Inbox {
  const without = (list: ConversationSummary[]) => list.filter((c) => c.id !== conversationId);
  return { queued: without(inbox.queued), mine: without(inbox.mine), watching: without(inbox.watching) };
}

export function isMine(inbox: Inbox, conversationId: string): boolean {
  return inbox.mine.some((c) => c.id === conversationId);
}
