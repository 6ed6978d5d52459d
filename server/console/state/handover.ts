// Picking, transferring and escalating the open chat from the console, with progress and the server's refusal.
import { atom } from 'nanostores';
import { targetAccepts } from '../../../shared/chat-queue';
import type { AgentView, ConversationSummary } from '../../../shared/model';
import type { Transfer } from '../../../shared/protocol';
import type { AgentStatus } from '../../../shared/routing-model';
import type { CallResult } from '../transport';
import { placeInAll } from './all-chats';
import { request } from './connection';
import { applySummaryToOpen } from './conversation';
import { $inbox, placeSummary } from './inbox';
import { $me } from './me';

/** Whether I may take this queued chat by hand: held for me, or for my tier (supervisors and admins: any). */
export function mayPick(routing: ConversationSummary['routing'], me: Pick<AgentView, 'id' | 'tier' | 'role'>): boolean {
  if (routing.reservedFor) return routing.reservedFor === me.id;
  return me.role !== 'agent' || targetAccepts(routing.target, me);
}

export const $handover = atom<{ busy: boolean; error: string | null }>({ busy: false, error: null });
export const $colleagues = atom<AgentStatus[] | null>(null);

/** Chats this console took by hand: no "new chat" alert for those. */
export const pickedHere = new Set<string>();

async function run(action: () => Promise<CallResult<ConversationSummary>>): Promise<boolean> {
  if ($handover.get().busy) return false;
  $handover.set({ busy: true, error: null });
  const result = await action();
  $handover.set({ busy: false, error: result.ok ? null : result.error.message });
  if (!result.ok) return false;
  // Show the new state at once; the broadcast that follows changes nothing more.
  const me = $me.get();
  if (me) $inbox.set(placeSummary($inbox.get(), result.data, me.id));
  placeInAll(result.data);
  applySummaryToOpen(result.data);
  return true;
}

export function pickChat(conversationId: string): Promise<boolean> {
  pickedHere.add(conversationId);
  return run(() => request((link) => link.ask('queue:pick', { conversationId })));
}

export function transferChat(conversationId: string, to: Transfer['to'], note: string): Promise<boolean> {
  const payload: Transfer = note.trim() ? { conversationId, to, note: note.trim() } : { conversationId, to };
  return run(() => request((link) => link.ask('conversation:transfer', payload)));
}

export function escalateChat(conversationId: string, note: string): Promise<boolean> {
  return run(() => request((link) => link.ask('conversation:escalate', note.trim() ? { conversationId, note: note.trim() } : { conversationId })));
}

export async function loadColleagues(): Promise<void> {
  const result = await request((link) => link.ask('agents:list'));
  if (result.ok) $colleagues.set(result.data);
}

export function clearHandoverError(): void {
  $handover.set({ ...$handover.get(), error: null });
}

/** Which hand-over dialog is open for the open chat (the Alt+T shortcut opens one too). */
export const $handoverDialog = atom<'transfer' | 'escalate' | null>(null);

export function openHandoverDialog(kind: 'transfer' | 'escalate'): void {
  clearHandoverError();
  $handoverDialog.set(kind);
  if (kind === 'transfer') void loadColleagues();
}
