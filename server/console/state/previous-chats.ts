// The open conversation's user: their earlier chats, for the context panel.
import { atom } from 'nanostores';
import type { PastChat } from '../../../shared/routing-model';
import { request } from './connection';
import { $openConversation } from './conversation';

export const $previousChats = atom<{ conversationId: string | null; chats: PastChat[] | null; error: string | null }>({
  conversationId: null,
  chats: null,
  error: null,
});

export async function loadPreviousChats(conversationId: string): Promise<void> {
  $previousChats.set({ conversationId, chats: null, error: null });
  const result = await request((link) => link.ask('conversation:previous', { conversationId }));
  if ($previousChats.get().conversationId !== conversationId) return;
  $previousChats.set(result.ok ? { conversationId, chats: result.data, error: null } : { conversationId, chats: [], error: result.error.message });
}

$openConversation.subscribe((open) => {
  if (open && $previousChats.get().conversationId !== open.id) void loadPreviousChats(open.id);
});
