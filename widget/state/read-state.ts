// How far the visitor has read and how far the support side has: the unread badge and "Seen" come from here.
import { atom, computed } from 'nanostores';
import type { ChatMessage } from '../../shared/model';
import type { ReadUpdate } from '../../shared/read-state';
import { $conversation, $messages, contiguousSeq } from './conversation';
import { readStored, writeStored } from '../storage';
import { $open } from './ui';
import { request } from './wire';

/** Told to the server this long after the visitor last saw something new, so scrolling through sends one mark. */
const MARK_AFTER = 300;

/** Seq of the last message by this kind of author (a loop: findLast is missing on older school tablets). */
function lastBy(messages: ChatMessage[], kind: ChatMessage['authorKind']): number {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]!.authorKind === kind) return messages[i]!.seq;
  return 0;
}

/** What this page has shown the visitor, ahead of what the server has confirmed. */
const $seenHere = atom({ conversationId: '', seq: 0 });

/**
 * Also saved in localStorage until the server confirms it: a visitor who reads and reloads at once (before the
 * mark reached the server) must not get the badge back, and the next session still sends the mark.
 */
const seenKey = (conversationId: string) => `cs:seen:${conversationId}`;

function seenUpTo(conversationId: string, here = $seenHere.get()): number {
  const stored = Number(readStored(seenKey(conversationId))) || 0;
  return Math.max(stored, here.conversationId === conversationId ? here.seq : 0);
}

/** Everything up to here the visitor has read: the server's mark, what any page showed, their own last message. */
const $readUpTo = computed([$conversation, $messages, $seenHere], (conversation, messages, here) =>
  conversation ? Math.max(conversation.visitorReadSeq, seenUpTo(conversation.id, here), lastBy(messages, 'visitor')) : 0,
);

/**
 * Replies from people in support the visitor has not seen yet: the chat's part of the launcher's badge, the same
 * number in every tab and after reloads. Routing notes ("… joined the chat") are not replies: they do not count.
 */
export const $unread = computed(
  [$messages, $readUpTo],
  (messages, readUpTo) => messages.filter((message) => message.seq > readUpTo && message.authorKind === 'agent').length,
);

/** The visitor's messages up to this seq have been seen by support (an agent's reply implies it). */
export const $seenSeq = computed([$conversation, $messages], (conversation, messages) =>
  conversation ? Math.max(conversation.agentReadSeq, lastBy(messages, 'agent')) : 0,
);

export function applyReadUpdate(update: ReadUpdate): void {
  const conversation = $conversation.get();
  if (conversation?.id !== update.conversationId) return;
  const field = update.reader === 'agent' ? 'agentReadSeq' : 'visitorReadSeq';
  if (update.seq > conversation[field]) $conversation.set({ ...conversation, [field]: update.seq });
}

const looking = () => $open.get() && (typeof document === 'undefined' || document.visibilityState === 'visible');

let timer: ReturnType<typeof setTimeout> | undefined;
let marking = false;

/** While the panel is open on a visible page, everything shown counts as read. */
export function noteSeen(): void {
  const conversation = $conversation.get();
  if (!conversation || !looking()) return;
  const seq = contiguousSeq($messages.get());
  if (seq > seenUpTo(conversation.id)) {
    writeStored(seenKey(conversation.id), String(seq));
    $seenHere.set({ conversationId: conversation.id, seq });
  }
  clearTimeout(timer);
  timer = setTimeout(() => void sendReadMark(), MARK_AFTER);
}

/** Tells the server what this page has shown beyond its mark; called again after every session. */
export async function sendReadMark(): Promise<void> {
  const conversation = $conversation.get();
  if (marking || !conversation) return;
  const seq = seenUpTo(conversation.id);
  if (seq <= conversation.visitorReadSeq) return;
  marking = true;
  try {
    const result = await request('read:mark', { conversationId: conversation.id, seq });
    if (!result.ok) return;
    applyReadUpdate({ conversationId: conversation.id, reader: 'visitor', seq: result.data.seq });
    if (result.data.seq >= seenUpTo(conversation.id)) writeStored(seenKey(conversation.id), null);
  } catch {
    // Offline: the next session sends it.
  } finally {
    marking = false;
  }
}

/** Wires noteSeen to what can reveal messages: new ones, opening the panel, coming back to the tab. */
export function watchReading(): void {
  $messages.listen(noteSeen);
  $open.listen(noteSeen);
  document.addEventListener('visibilitychange', noteSeen);
  // Leaving the page: send now rather than after the pause (what is saved covers it if this is too late).
  addEventListener('pagehide', () => void sendReadMark());
}
