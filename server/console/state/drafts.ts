// Unsent reply text per conversation, so switching between chats never loses what the agent typed.
import { atom } from 'nanostores';

export const $drafts = atom<Record<string, string>>({});

export function setDraft(conversationId: string, text: string): void {
  $drafts.set({ ...$drafts.get(), [conversationId]: text });
}

export function takeDraft(conversationId: string): string {
  const drafts = $drafts.get();
  const text = drafts[conversationId] ?? '';
  const { [conversationId]: _taken, ...rest } = drafts;
  $drafts.set(rest);
  return text;
}
