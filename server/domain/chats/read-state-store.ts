// The Store port of read state: how far each participant of a conversation has read, by seq.
import type { Reader } from '../../../shared/read-state';

export interface ReadMarkInput {
  conversationId: string;
  readerKind: Reader;
  /** The end user's id for the visitor, the agent's id for an agent. */
  readerId: string;
  seq: number;
  at: number;
}

export interface ReadStateStore {
  /** Moves the reader's mark forward to `seq`, never back; returns the mark now stored and whether it moved. */
  markRead(mark: ReadMarkInput): Promise<{ seq: number; moved: boolean }>;
  /** The visitor's mark and the furthest any agent has read; 0 where nobody has read anything. */
  readPositions(conversationId: string): Promise<{ visitor: number; agent: number }>;
  /** One reader's marks in these conversations; conversations without a mark are left out. */
  readMarksOf(readerKind: Reader, readerId: string, conversationIds: readonly string[]): Promise<Map<string, number>>;
}
