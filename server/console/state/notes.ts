// Internal notes from the composer: a draft per conversation apart from the reply draft, sent with a
// client id so a resend after a lost ack is stored once.
import { atom } from 'nanostores';
import { newClientId } from '../uuid';
import { request } from './connection';
import { receiveNote } from './journal';

/** Whether the composer writes a reply to the user or an internal note, per conversation. */
export const $composerMode = atom<Record<string, 'reply' | 'note'>>({});
export const $noteDrafts = atom<Record<string, string>>({});
export const $noteSending = atom<{ conversationId: string | null; error: string | null }>({ conversationId: null, error: null });

export const composerMode = (conversationId: string): 'reply' | 'note' => $composerMode.get()[conversationId] ?? 'reply';

export function setComposerMode(conversationId: string, mode: 'reply' | 'note'): void {
  $composerMode.set({ ...$composerMode.get(), [conversationId]: mode });
}

export function setNoteDraft(conversationId: string, text: string): void {
  $noteDrafts.set({ ...$noteDrafts.get(), [conversationId]: text });
}

/** The id of a note being sent survives retries of the same text. */
let pending: { conversationId: string; text: string; clientId: string } | null = null;

export async function sendNote(conversationId: string): Promise<boolean> {
  const text = ($noteDrafts.get()[conversationId] ?? '').trim();
  if (!text || $noteSending.get().conversationId) return false;
  if (pending?.conversationId !== conversationId || pending.text !== text) pending = { conversationId, text, clientId: newClientId() };
  $noteSending.set({ conversationId, error: null });
  const result = await request((link) => link.ask('note:add', { conversationId, clientId: (pending as { clientId: string }).clientId, text }));
  if (!result.ok) {
    // The draft stays, so nothing written is lost; sending again reuses the same client id.
    $noteSending.set({ conversationId: null, error: result.error.message });
    return false;
  }
  pending = null;
  receiveNote(result.data);
  setNoteDraft(conversationId, '');
  $noteSending.set({ conversationId: null, error: null });
  return true;
}

export function resetNotes(): void {
  pending = null;
  $composerMode.set({});
  $noteDrafts.set({});
  $noteSending.set({ conversationId: null, error: null });
}
