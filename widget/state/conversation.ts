// The visitor's conversation and its messages: merged by seq, never duplicated, always in order, gaps refetched.
import { atom } from 'nanostores';
import { LIMITS } from '../../shared/limits';
import type { ChatMessage, VisitorConversation } from '../../shared/model';
import type { QueuePositionUpdate } from '../../shared/protocol';
import { clearTyping } from './agent-typing';
import { settlePending } from './outbox';
import { request } from './wire';

export const $conversation = atom<VisitorConversation | null>(null);
export const $messages = atom<ChatMessage[]>([]);

/** `held` plus the messages of `incoming` whose seq it lacks, sorted by seq; `held` itself when nothing is new. */
export function mergeBySeq(held: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  const bySeq = new Map(held.map((message) => [message.seq, message]));
  for (const message of incoming) if (!bySeq.has(message.seq)) bySeq.set(message.seq, message);
  return bySeq.size === held.length ? held : [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The highest seq up to which nothing is missing (seqs are gap-free from 1), where a catch-up fetch must start. */
export function contiguousSeq(messages: ChatMessage[]): number {
  let seq = 0;
  while (messages[seq]?.seq === seq + 1) seq++;
  return seq;
}

/** Adds messages of the current conversation (the unread badge is derived from them, see read-state.ts). */
export function receiveMessages(incoming: ChatMessage[]): void {
  settlePending(incoming.map((message) => message.clientId));
  const id = $conversation.get()?.id;
  const held = $messages.get();
  const merged = mergeBySeq(
    held,
    incoming.filter((message) => message.conversationId === id),
  );
  if (merged === held) return;
  $messages.set(merged);
  const known = new Set(held.map((message) => message.seq));
  // Their message ends their typing, even if the "stopped" notice never comes.
  if (incoming.some((message) => message.authorKind === 'agent' && !known.has(message.seq))) clearTyping();
}

/** A message pushed by the server; one that skips a seq means some were lost on the way, so fetch them. */
export function receivePushed(message: ChatMessage): void {
  receiveMessages([message]);
  const messages = $messages.get();
  if (contiguousSeq(messages) < messages.length) void syncHistory();
}

export function applyConversation(conversation: VisitorConversation): void {
  const current = $conversation.get();
  if (current && current.id !== conversation.id) {
    // A late notice about an old chat must not replace the one in progress.
    if (conversation.status === 'closed') return;
    $messages.set([]);
    clearTyping();
  }
  // Read positions only move forward; a notice computed before a newer read:updated must not undo it.
  const same = current?.id === conversation.id;
  $conversation.set({
    ...conversation,
    visitorReadSeq: Math.max(conversation.visitorReadSeq, same ? current.visitorReadSeq : 0),
    agentReadSeq: Math.max(conversation.agentReadSeq, same ? current.agentReadSeq : 0),
  });
  if (conversation.lastSeq > contiguousSeq($messages.get())) void syncHistory();
}

/**
 * The waiting chat moved in the queue. Only the place changes; a notice about another chat, or one that came
 * after the chat stopped waiting (it was on its way when an agent took it), is ignored.
 */
export function applyQueuePosition({ conversationId, position }: QueuePositionUpdate): void {
  const current = $conversation.get();
  if (current?.id !== conversationId || current.status !== 'queued' || current.queuePosition === position) return;
  $conversation.set({ ...current, queuePosition: position });
}

let syncing: Promise<void> | null = null;
let syncAgain = false;

/** Fetches everything after the last gap-free seq, page by page; concurrent calls share one run. */
export function syncHistory(): Promise<void> {
  if (syncing) {
    syncAgain = true;
    return syncing;
  }
  syncing = (async () => {
    do {
      syncAgain = false;
      await fetchMissing();
    } while (syncAgain);
  })()
    // Offline or refused: the next session event starts another sync.
    .catch(() => {})
    .finally(() => {
      syncing = null;
    });
  return syncing;
}

async function fetchMissing(): Promise<void> {
  for (;;) {
    const conversation = $conversation.get();
    if (!conversation) return;
    const afterSeq = contiguousSeq($messages.get());
    const result = await request('history:fetch', {
      conversationId: conversation.id,
      afterSeq,
      limit: LIMITS.historyPage,
    });
    if (!result.ok || $conversation.get()?.id !== conversation.id) return;
    receiveMessages(result.data.messages);
    // Stop when the server has no more, or when a page did not move us forward (never loop on a hole).
    if (!result.data.hasMore || contiguousSeq($messages.get()) === afterSeq) return;
  }
}
