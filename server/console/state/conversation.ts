// The conversation open in the chat view: header and context, and its messages kept gap-free by seq.
import { atom, computed } from 'nanostores';
import { LIMITS } from '../../../shared/limits';
import type { ChatMessage, ConversationDetail, ConversationSummary } from '../../../shared/model';
import { request } from './connection';
import { $inbox, placeSummary } from './inbox';
import { $me } from './me';
import { contiguousEnd, mergeBySeq } from './messages';
import { markRead } from './read-marks';
import { stopTyping } from './typing';

export type OpenConversation = Omit<ConversationDetail, 'messages'>;

export const $openConversation = atom<OpenConversation | null>(null);
export const $messages = atom<ChatMessage[]>([]);

export interface ChatStatus {
  /** Id being opened; the view shows it as loading until the detail arrives. */
  opening: string | null;
  closing: boolean;
  loadingEarlier: boolean;
  error: string | null;
}
const idle: ChatStatus = { opening: null, closing: false, loadingEarlier: false, error: null };
export const $chatStatus = atom<ChatStatus>(idle);

/** Replying is for the assignee only; the server answers `forbidden` otherwise. */
export const $canReply = computed([$openConversation, $me], (open, me) => !!open && !!me && open.status === 'active' && open.assignee?.id === me.id);

/** Older messages exist that the server did not send with the detail. */
export const $hasEarlier = computed($messages, (messages) => (messages[0]?.seq ?? 1) > 1);

const GAP_GRACE_MS = 1_500;

/** The conversation the view wants; answers for any other are stale and dropped. */
let wantedId: string | null = null;

export async function openConversation(conversationId: string): Promise<void> {
  if (wantedId === conversationId && $openConversation.get()?.id === conversationId) return;
  stopTyping();
  wantedId = conversationId;
  $openConversation.set(null);
  $messages.set([]);
  $chatStatus.set({ ...idle, opening: conversationId });
  await load(conversationId, false);
}

/** After a reconnect: re-subscribe to the open conversation and fetch whatever was missed. */
export async function resyncOpenConversation(): Promise<void> {
  if (wantedId) await load(wantedId, true);
}

async function load(conversationId: string, resync: boolean): Promise<void> {
  const result = await request((link) => link.openConversation({ conversationId }));
  if (wantedId !== conversationId) return;
  if (!result.ok) {
    $chatStatus.set({ ...$chatStatus.get(), opening: null, error: result.error.message });
    return;
  }
  const { messages, ...header } = result.data;
  $openConversation.set(header);
  $messages.set(mergeBySeq(resync ? $messages.get() : [], messages));
  $chatStatus.set({ ...$chatStatus.get(), opening: null, error: null });
  markOpenConversationSeen();
  await catchUp(conversationId, resync);
}

/** The open chat on a visible page counts as read up to the last message shown without a gap. */
export function markOpenConversationSeen(): void {
  const open = $openConversation.get();
  if (!open || (typeof document !== 'undefined' && document.visibilityState !== 'visible')) return;
  const seen = contiguousEnd($messages.get());
  if (seen > 0) markRead(open.id, seen);
}

let catchingUp = false;
let catchUpAgain = false;

/**
 * Fetches history after the last unbroken seq, page by page while the server has more. Runs when a gap
 * shows (a message:new beyond the next seq, a lastSeq ahead of what is held) and always after a reconnect.
 */
async function catchUp(conversationId: string, force: boolean): Promise<void> {
  if (catchingUp) {
    catchUpAgain = true;
    return;
  }
  catchingUp = true;
  try {
    do {
      catchUpAgain = false;
      const held = $messages.get();
      const known = Math.max($openConversation.get()?.lastSeq ?? 0, held.at(-1)?.seq ?? 0);
      if (!force && contiguousEnd(held) >= known) break;
      force = false;
      let hasMore = true;
      while (hasMore && wantedId === conversationId) {
        const afterSeq = contiguousEnd($messages.get());
        const result = await request((link) => link.fetchHistory({ conversationId, afterSeq, limit: LIMITS.historyPage }));
        if (!result.ok || wantedId !== conversationId) return;
        $messages.set(mergeBySeq($messages.get(), result.data.messages));
        markOpenConversationSeen();
        // No progress means the server has nothing past afterSeq after all; don't spin.
        hasMore = result.data.hasMore && result.data.messages.length > 0;
      }
    } while (catchUpAgain && wantedId === conversationId);
  } finally {
    catchingUp = false;
  }
}

/** Pages in the messages before the first one held (the detail may carry only the latest). */
export async function loadEarlier(): Promise<void> {
  const conversationId = wantedId;
  const first = $messages.get()[0]?.seq ?? 1;
  if (!conversationId || first <= 1 || $chatStatus.get().loadingEarlier) return;
  const afterSeq = Math.max(0, first - 1 - LIMITS.historyPage);
  $chatStatus.set({ ...$chatStatus.get(), loadingEarlier: true });
  const result = await request((link) => link.fetchHistory({ conversationId, afterSeq, limit: first - 1 - afterSeq }));
  if (wantedId !== conversationId) return;
  $chatStatus.set({ ...$chatStatus.get(), loadingEarlier: false, error: result.ok ? null : result.error.message });
  if (result.ok) $messages.set(mergeBySeq($messages.get(), result.data.messages));
}

/** A stored message (broadcast or our own ack). Returns whether it belongs to the open conversation. */
export function receiveMessage(message: ChatMessage): boolean {
  const open = $openConversation.get();
  if (!open || open.id !== message.conversationId) return false;
  const held = $messages.get();
  $messages.set(mergeBySeq(held, [message]));
  if (message.seq > open.lastSeq) $openConversation.set({ ...open, lastSeq: message.seq });
  markOpenConversationSeen();
  if (message.seq > contiguousEnd(held) + 1) void catchUp(open.id, false);
  return true;
}

/** Keeps the open header (status, assignee, user) in step with conversation:updated; context stays. */
export function applySummaryToOpen(summary: ConversationSummary): void {
  const open = $openConversation.get();
  if (!open || open.id !== summary.id) return;
  $openConversation.set({ ...open, ...summary, lastSeq: Math.max(open.lastSeq, summary.lastSeq) });
  // The matching message:new usually follows within moments; fetch only if it never comes.
  if (summary.lastSeq > contiguousEnd($messages.get())) {
    setTimeout(() => {
      if (wantedId === open.id && summary.lastSeq > contiguousEnd($messages.get())) void catchUp(open.id, false);
    }, GAP_GRACE_MS);
  }
}

export async function closeOpenConversation(): Promise<void> {
  const open = $openConversation.get();
  const me = $me.get();
  if (!open || !me || $chatStatus.get().closing) return;
  stopTyping();
  $chatStatus.set({ ...$chatStatus.get(), closing: true, error: null });
  const result = await request((link) => link.closeConversation({ conversationId: open.id }));
  $chatStatus.set({ ...$chatStatus.get(), closing: false, error: result.ok ? null : result.error.message });
  if (!result.ok) return;
  applySummaryToOpen(result.data);
  $inbox.set(placeSummary($inbox.get(), result.data, me.id));
}

/** Back to the inbox (narrow screens), or after sign-out. */
export function leaveConversation(): void {
  stopTyping();
  wantedId = null;
  $openConversation.set(null);
  $messages.set([]);
  $chatStatus.set(idle);
}
