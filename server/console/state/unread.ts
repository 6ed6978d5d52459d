// Unread counts of my chats, from read marks: the same in every tab and after every reconnect.
import { computed } from 'nanostores';
import { $inbox } from './inbox';
import { $myReads, $visitorMessages } from './read-marks';

/**
 * Conversation id → the visitor's messages after my read mark, for chats in Mine (the ones mine to answer).
 * System notes and replies do not count: only what the user wrote.
 */
export const $unread = computed([$inbox, $myReads, $visitorMessages], (inbox, reads, visitorMessages) => {
  const unread: Record<string, number> = {};
  for (const chat of inbox.mine) {
    const mark = reads[chat.id] ?? 0;
    const count = (visitorMessages[chat.id] ?? []).filter((seq) => seq > mark).length;
    if (count > 0) unread[chat.id] = count;
  }
  return unread;
});

/** Number of chats in Mine with unseen messages (the tab title's count). */
export const $unreadChats = computed($unread, (unread) => Object.keys(unread).length);
