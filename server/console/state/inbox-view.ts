// What the inbox column shows: the Mine / Queue / All tab, the search filter, and the resulting list that
// "next chat" steps through.
import { atom, computed } from 'nanostores';
import type { ConversationSummary } from '../../../shared/model';
import { $allChats } from './all-chats';
import { $inbox } from './inbox';

export type InboxTab = 'mine' | 'queue' | 'all';

export const $inboxTab = atom<InboxTab>('mine');
export const $inboxSearch = atom('');

export const showInboxTab = (tab: InboxTab): void => $inboxTab.set(tab);

/** Case-insensitive match on the user's name, organisation, classroom, last message and priority. */
export function matchesSearch(chat: ConversationSummary, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [chat.user.name, chat.organisation, chat.classroomId ?? '', chat.preview, chat.routing.priority, chat.assignee?.name ?? '']
    .join(' ')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** The lists of the current tab after the search: Mine has my chats and the ones I handed over. */
export const $visibleLists = computed([$inboxTab, $inboxSearch, $inbox, $allChats], (tab, query, inbox, all) => {
  const filter = (list: ConversationSummary[]) => list.filter((c) => matchesSearch(c, query));
  switch (tab) {
    case 'mine':
      return { primary: filter(inbox.mine), handedOver: filter(inbox.watching) };
    case 'queue':
      return { primary: filter(inbox.queued), handedOver: [] };
    case 'all':
      return { primary: filter(all ?? []), handedOver: [] };
  }
});

/** Every chat the inbox shows, top to bottom: what "next chat" and "previous chat" walk through. */
export const $visibleChats = computed($visibleLists, ({ primary, handedOver }) => [...primary, ...handedOver]);

/** The chat after (or before) `currentId` in the visible list; the first one when nothing is open. */
export function neighbourChat(list: readonly ConversationSummary[], currentId: string | null, step: 1 | -1): string | null {
  if (list.length === 0) return null;
  const at = list.findIndex((c) => c.id === currentId);
  if (at === -1) return (step === 1 ? list[0] : list[list.length - 1])?.id ?? null;
  return list[(at + step + list.length) % list.length]?.id ?? null;
}
