// The agents-only side of the open conversation: its moves (who had it, transfers, escalations) and internal
// notes, merged with the messages into one timeline by time.
import { atom, computed } from 'nanostores';
import type { ChatMessage } from '../../../shared/model';
import type { ChatMove, InternalNote } from '../../../shared/routing-model';
import { request } from './connection';
import { $messages, $openConversation } from './conversation';

export interface Journal {
  conversationId: string | null;
  moves: ChatMove[];
  notes: InternalNote[];
}

export const $journal = atom<Journal>({ conversationId: null, moves: [], notes: [] });

export type TimelineItem =
  | { kind: 'message'; key: string; message: ChatMessage }
  | { kind: 'move'; key: string; move: ChatMove }
  | { kind: 'note'; key: string; note: InternalNote };

/**
 * Messages in seq order with moves and notes placed by time: an entry goes before the first message that is
 * later than it (a move comes before the system message telling the user about it, written right after).
 */
export function timeline(messages: readonly ChatMessage[], moves: readonly ChatMove[], notes: readonly InternalNote[]): TimelineItem[] {
  const entries: Array<{ at: number; item: TimelineItem }> = [
    ...moves.map((move) => ({ at: move.createdAt, item: { kind: 'move' as const, key: `move-${move.id}`, move } })),
    ...notes.map((note) => ({ at: note.createdAt, item: { kind: 'note' as const, key: `note-${note.id}`, note } })),
  ].sort((a, b) => a.at - b.at);
  const items: TimelineItem[] = [];
  let next = 0;
  const takeUntil = (time: number) => {
    for (; next < entries.length && (entries[next] as { at: number }).at <= time; next++) items.push((entries[next] as { item: TimelineItem }).item);
  };
  for (const message of messages) {
    takeUntil(message.createdAt);
    items.push({ kind: 'message', key: `msg-${message.seq}`, message });
  }
  takeUntil(Number.POSITIVE_INFINITY);
  return items;
}

export const $timeline = computed([$messages, $journal, $openConversation], (messages, journal, open) =>
  timeline(messages, journal.conversationId === open?.id ? journal.moves : [], journal.conversationId === open?.id ? journal.notes : []),
);

const byTime = <T extends { createdAt: number; id: string }>(list: T[]) => list.sort((a, b) => a.createdAt - b.createdAt);

export async function loadJournal(conversationId: string): Promise<void> {
  const result = await request((link) => link.ask('conversation:journal', { conversationId }));
  if (!result.ok || $openConversation.get()?.id !== conversationId) return;
  $journal.set({ conversationId, moves: result.data.moves, notes: result.data.notes });
}

export function receiveMove(move: ChatMove): void {
  const journal = $journal.get();
  if (journal.conversationId !== move.conversationId || journal.moves.some((m) => m.id === move.id)) return;
  $journal.set({ ...journal, moves: byTime([...journal.moves, move]) });
}

export function receiveNote(note: InternalNote): void {
  const journal = $journal.get();
  if (journal.conversationId !== note.conversationId || journal.notes.some((n) => n.id === note.id)) return;
  $journal.set({ ...journal, notes: byTime([...journal.notes, note]) });
}

export function resetJournal(): void {
  $journal.set({ conversationId: null, moves: [], notes: [] });
}

// Each conversation that opens brings its journal along.
$openConversation.subscribe((open) => {
  if (open && $journal.get().conversationId !== open.id) {
    $journal.set({ conversationId: open.id, moves: [], notes: [] });
    void loadJournal(open.id);
  }
});
