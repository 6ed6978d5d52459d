// Read state in the console: how far I have read each chat, which of the visitor's messages come after that
// (the unread counts), and how far each visitor has read (my replies show "Seen").
import { atom } from 'nanostores';
import type { ReadUpdate } from '../../../shared/read-state';
import { request } from './connection';

/** Conversation id → the furthest seq I have read, as the server holds it or as this tab has shown it. */
export const $myReads = atom<Record<string, number>>({});
/** Conversation id → the furthest seq the visitor has read. */
export const $visitorReads = atom<Record<string, number>>({});
/** Conversation id → seqs of the visitor's messages that may be unread: from read:fetch, then as they arrive. */
export const $visitorMessages = atom<Record<string, number[]>>({});

/** Told to the server this long after the last new message was shown, so a burst sends one mark. */
const MARK_AFTER_MS = 300;

/** What this tab showed beyond what the server has confirmed. */
const unconfirmed = new Map<string, number>();
let timer: ReturnType<typeof setTimeout> | undefined;

function raise(store: typeof $myReads, conversationId: string, seq: number): void {
  const marks = store.get();
  if (seq > (marks[conversationId] ?? 0)) store.set({ ...marks, [conversationId]: seq });
}

/** A message from the visitor arrived: unread until my mark passes it. */
export function noteVisitorMessage(conversationId: string, seq: number): void {
  const known = $visitorMessages.get()[conversationId] ?? [];
  if (known.includes(seq) || seq <= ($myReads.get()[conversationId] ?? 0)) return;
  $visitorMessages.set({ ...$visitorMessages.get(), [conversationId]: [...known, seq] });
}

export function applyReadUpdate(update: ReadUpdate): void {
  raise(update.reader === 'visitor' ? $visitorReads : $myReads, update.conversationId, update.seq);
}

/** I have seen this conversation up to `seq`: counts at once here, reaches the server a moment later. */
export function markRead(conversationId: string, seq: number): void {
  if (seq <= ($myReads.get()[conversationId] ?? 0)) return;
  raise($myReads, conversationId, seq);
  unconfirmed.set(conversationId, seq);
  clearTimeout(timer);
  timer = setTimeout(() => void sendMarks(), MARK_AFTER_MS);
}

/** Sends what is not confirmed yet; kept for the next reconnect when the link is down. */
export async function sendMarks(): Promise<void> {
  for (const [conversationId, seq] of [...unconfirmed]) {
    const result = await request((link) => link.markRead({ conversationId, seq }));
    if (!result.ok) {
      // The conversation is gone or not mine to mark: nothing to retry. Otherwise wait for the link.
      if (result.error.code === 'not_found' || result.error.code === 'bad_request') unconfirmed.delete(conversationId);
      continue;
    }
    if (unconfirmed.get(conversationId) === seq) unconfirmed.delete(conversationId);
    applyReadUpdate({ conversationId, reader: 'agent', seq: result.data.seq });
  }
}

/** After every (re)connect: the marks the server holds for these conversations, then what this tab still owes it. */
export async function loadReads(conversationIds: string[]): Promise<void> {
  if (conversationIds.length > 0) {
    const result = await request((link) => link.fetchReads({ conversationIds: conversationIds.slice(0, 200) }));
    if (result.ok) {
      for (const [conversationId, reads] of Object.entries(result.data.reads)) {
        raise($myReads, conversationId, reads.mine);
        raise($visitorReads, conversationId, reads.visitor);
        for (const seq of reads.unread) noteVisitorMessage(conversationId, seq);
      }
    }
  }
  await sendMarks();
}

export function resetReads(): void {
  clearTimeout(timer);
  unconfirmed.clear();
  $myReads.set({});
  $visitorReads.set({});
  $visitorMessages.set({});
}
