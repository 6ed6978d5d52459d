// Read state on the wire: how far each side of a conversation has read, by message seq.

/** Who read: the conversation's visitor, or the support side (an agent). */
export type Reader = 'visitor' | 'agent';

/**
 * A read position moved forward. In the visitor namespace `reader: 'agent'` is the furthest any agent
 * has read; in the agent namespace `reader: 'agent'` is the receiving agent's own mark (from another tab
 * or by replying) and carries `agentId`.
 */
export interface ReadUpdate {
  conversationId: string;
  reader: Reader;
  seq: number;
  agentId?: string;
}

/** The ack of `read:mark`: the mark as stored, which never moves back. */
export interface ReadMarkAck {
  conversationId: string;
  seq: number;
}

/** One conversation's read positions as an agent sees them. */
export interface ConversationReads {
  /** How far the asking agent has read. */
  mine: number;
  /** How far the visitor has read. */
  visitor: number;
  /** Seqs of the visitor's messages after my mark (the first 200): my unread count, system messages left out. */
  unread: number[];
}
