// The Store port of email: end users' addresses and reply notices (one per ticket or chat).

export interface ReplyNotice {
  /** 'ticket:<id>' or 'chat:<id>'. */
  targetKey: string;
  organisationId: string;
  endUserId: string;
  conversationId: string | null;
  ticketId: string | null;
  replySeq: number;
  replyText: string;
  authorName: string;
  pending: boolean;
  dueAt: number;
  lastSentAt: number | null;
}

export interface EmailStore {
  /** Sets (or with null, removes) an end user's email address. */
  setEndUserEmail(endUserId: string, email: string | null, now: number): Promise<void>;
  getEndUserEmail(endUserId: string): Promise<string | null>;
  /**
   * A reply the user may not read: makes the notice pending with the latest reply; a notice already pending
   * keeps its due time (the first unread reply starts the 5 minutes).
   */
  noteReply(notice: Omit<ReplyNotice, 'pending' | 'lastSentAt'>): Promise<void>;
  listDueNotices(now: number, limit: number): Promise<ReplyNotice[]>;
  /** Conditional on the due time read: true for exactly one caller; moves the due time to `leaseUntil`. */
  claimNotice(targetKey: string, dueAt: number, leaseUntil: number): Promise<boolean>;
  /** Done: sent (lastSentAt set) or nothing to send; or due again later (a 10-minute limit). */
  settleNotice(targetKey: string, outcome: { sentAt: number } | { skip: true } | { dueAt: number }): Promise<void>;
}
