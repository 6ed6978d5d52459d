// Typing indicators both ways: who is typing in each conversation, and throttled notices of my own typing.
import { atom } from 'nanostores';
import type { TypingNotice } from '../../../shared/protocol';
import { currentLink } from './connection';

/** A notice lapses on its own, because the "stopped" notice can be lost with a dropped connection. */
const SHOW_FOR_MS = 6_000;
/** Send "typing" at most this often while keys keep coming. */
const RESEND_AFTER_MS = 2_000;
/** Say "stopped" after this long without a keystroke. */
const IDLE_AFTER_MS = 3_000;

/** Conversation id → name of whoever is typing there. */
export const $typing = atom<Record<string, string>>({});
const expiry = new Map<string, ReturnType<typeof setTimeout>>();

export function clearTyping(conversationId: string): void {
  clearTimeout(expiry.get(conversationId));
  expiry.delete(conversationId);
  const typing = $typing.get();
  if (!(conversationId in typing)) return;
  const { [conversationId]: _gone, ...rest } = typing;
  $typing.set(rest);
}

export function receiveTyping(notice: TypingNotice): void {
  if (!notice.typing) return clearTyping(notice.conversationId);
  clearTimeout(expiry.get(notice.conversationId));
  expiry.set(
    notice.conversationId,
    setTimeout(() => clearTyping(notice.conversationId), SHOW_FOR_MS),
  );
  $typing.set({ ...$typing.get(), [notice.conversationId]: notice.name });
}

let typingIn: string | null = null;
let lastSentAt = 0;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

/** Call on every keystroke in the reply box. */
export function noteTyping(conversationId: string): void {
  if (typingIn && typingIn !== conversationId) stopTyping();
  const now = Date.now();
  if (typingIn !== conversationId || now - lastSentAt >= RESEND_AFTER_MS) {
    currentLink()?.typing({ conversationId, typing: true });
    typingIn = conversationId;
    lastSentAt = now;
  }
  clearTimeout(idleTimer);
  idleTimer = setTimeout(stopTyping, IDLE_AFTER_MS);
}

/** Call after sending, on idle, and when leaving the conversation. */
export function stopTyping(): void {
  clearTimeout(idleTimer);
  if (!typingIn) return;
  currentLink()?.typing({ conversationId: typingIn, typing: false });
  typingIn = null;
  lastSentAt = 0;
}

export function resetTyping(): void {
  for (const timer of expiry.values()) clearTimeout(timer);
  expiry.clear();
  $typing.set({});
  clearTimeout(idleTimer);
  typingIn = null;
}
