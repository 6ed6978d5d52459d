// Pure helpers for a conversation's message history, which is ordered and gap-free by seq.
import type { ChatMessage } from '../../../shared/model';

/** Merges two histories into one sorted by seq; a message seen twice (ack and broadcast, resync) is kept once. */
export function mergeBySeq(held: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return held as ChatMessage[];
  const bySeq = new Map<number, ChatMessage>();
  for (const message of held) bySeq.set(message.seq, message);
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * The last seq of the unbroken run that starts at the first held message: history is complete up to
 * here, so a catch-up fetch asks for what comes after it. 0 when nothing is held.
 */
export function contiguousEnd(messages: readonly ChatMessage[]): number {
  const first = messages[0];
  if (!first) return 0;
  let end = first.seq;
  for (const message of messages) {
    if (message.seq === end + 1) end = message.seq;
    else if (message.seq > end + 1) break;
  }
  return end;
}
