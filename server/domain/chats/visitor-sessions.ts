// What a visitor's widget is told the moment it connects — its open chat and how many ticket updates it has not
// seen — read for every handshake waiting at once: a connect storm of thousands of widgets costs a few batched
// reads instead of two queries each (group-batches.ts: each batch begins after its callers asked, so it reads
// everything committed before).
import { groupBatches } from '../group-batches';
import type { Store } from '../ports';
import type { Conversation } from '../records';

export class VisitorSessions {
  private readonly openChats = groupBatches<string, Conversation | null>(async (endUserIds) => {
    const newestFirst = await this.store.findOpenConversations(endUserIds);
    const open = new Map<string, Conversation>();
    for (const conversation of newestFirst) if (!open.has(conversation.endUserId)) open.set(conversation.endUserId, conversation);
    return endUserIds.map((id) => open.get(id) ?? null);
  });

  private readonly unseen = groupBatches<string, number>(async (endUserIds) => {
    const counts = await this.store.countUnseenTicketUpdatesOf(endUserIds);
    return endUserIds.map((id) => counts.get(id) ?? 0);
  });

  constructor(private readonly store: Store) {}

  /** The end user's open chat (one at a time; the newest should there ever be two), or null. */
  openChat(endUserId: string): Promise<Conversation | null> {
    return this.openChats.load(endUserId);
  }

  /** Customer-visible ticket updates the end user has not seen, over all their tickets. */
  unseenTicketUpdates(endUserId: string): Promise<number> {
    return this.unseen.load(endUserId);
  }
}
