// Every open chat, for supervisors and admins (the All tab): fetched once per session, then kept current.
import { atom } from 'nanostores';
import { compareQueuedChats } from '../../../shared/chat-queue';
import type { ConversationSummary } from '../../../shared/model';
import { request } from './connection';
import { $me } from './me';

/** Null until loaded (and for agents, who have no All tab). */
export const $allChats = atom<ConversationSummary[] | null>(null);

export const seesAllChats = (role: string | undefined): boolean => role === 'supervisor' || role === 'admin';

/** Queued chats first, in routing order; then active ones, longest-running first. */
function order(chats: ConversationSummary[]): ConversationSummary[] {
  const queued = chats.filter((c) => c.status === 'queued').sort(compareQueuedChats);
  const active = chats.filter((c) => c.status === 'active').sort((a, b) => a.createdAt - b.createdAt);
  return [...queued, ...active];
}

export async function loadAllChats(): Promise<void> {
  if (!seesAllChats($me.get()?.role)) return $allChats.set(null);
  const result = await request((link) => link.ask('inbox:all'));
  if (result.ok) $allChats.set(order(result.data));
}

export function placeInAll(summary: ConversationSummary): void {
  const all = $allChats.get();
  if (!all) return;
  const rest = all.filter((c) => c.id !== summary.id);
  $allChats.set(order(summary.status === 'closed' ? rest : [...rest, summary]));
}
