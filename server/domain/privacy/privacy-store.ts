// The Store ports of personal data: the append-only audit log, cluster job claims, retention, and one end
// user's data for export and erasure. server/store/kysely implements them.
import type { AuditAction, AuditEntry } from '../../../shared/audit-log';
import type { OrganisationRetention } from '../../../shared/personal-data';
import type { Conversation, EndUser, StoredMessage } from '../records';
import type { AttachmentRecord, CallbackRecord, Ticket, TicketEventRecord } from '../tickets/ticket-records';
import type { InternalNote } from '../../../shared/routing-model';

export interface AuditFilter {
  action?: AuditAction;
  actorId?: string;
  /** Entries strictly older than this (at, id) position: the cursor of the previous page. */
  before?: { at: number; id: string };
  limit: number;
}

/** Append and read only: no method changes or removes an entry. */
export interface AuditStore {
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  listAudit(filter: AuditFilter): Promise<AuditEntry[]>;
}

export interface ClusterJobState {
  name: string;
  nextRunAt: number;
  lastRunAt: number | null;
  runs: number;
}

export interface ClusterJobStore {
  /**
   * Claims the run of job `name` that is due at `now` (a job never seen before is due at once) and moves its
   * next run to `nextRunAt`, in one conditional update. True for exactly one caller per due run, however many
   * processes share the database; false (nothing changed) for everyone else.
   */
  claimJob(name: string, now: number, nextRunAt: number): Promise<boolean>;
  getJob(name: string): Promise<ClusterJobState | null>;
}

/** What one retention pass deleted in one organisation. */
export interface PurgeResult {
  conversations: number;
  tickets: number;
  /** Attachment files whose rows were deleted: the caller removes the bytes after the commit. */
  storageKeys: string[];
}

export interface RetentionStore {
  listRetention(): Promise<OrganisationRetention[]>;
  /** False when there is no such organisation. */
  setRetentionDays(organisationId: string, days: number | null): Promise<boolean>;
  /**
   * Deletes the organisation's closed chats closed before `cutoff` (with messages, read marks, moves, notes)
   * and its closed tickets closed before `cutoff` (with history, attachments, call-backs), at most `batch` of
   * each in one transaction. Tickets made from a deleted chat keep their own transcript copy.
   */
  purgeClosedBefore(organisationId: string, cutoff: number, batch: number): Promise<PurgeResult>;
}

export interface EndUserMatch {
  user: EndUser & { erasedAt: number | null };
  organisationName: string;
  conversations: number;
  tickets: number;
}

/** Everything stored about one end user, for an export. */
export interface EndUserRecords {
  user: EndUser & { erasedAt: number | null };
  organisationName: string;
  conversations: { conversation: Conversation; messages: StoredMessage[]; notes: InternalNote[]; readUpTo: number }[];
  tickets: { ticket: Ticket; events: TicketEventRecord[]; attachments: AttachmentRecord[]; callbacks: CallbackRecord[] }[];
  feedback: { articleId: string; outcome: string; conversationId: string | null; createdAt: number }[];
  searches: { query: string; locale: string; createdAt: number }[];
}

export interface ErasedRecords {
  /** The person's chats, all blanked now. */
  conversationIds: string[];
  conversations: number;
  messages: number;
  tickets: number;
  /** Attachment files whose rows were deleted: the caller removes the bytes after the commit. */
  storageKeys: string[];
}

export interface EndUserDataStore {
  /** By name (contains, any case) or exact external id, newest first. */
  searchEndUsers(query: string, limit: number): Promise<EndUserMatch[]>;
  endUserRecords(endUserId: string): Promise<EndUserRecords | null>;
  /**
   * In one transaction: the user's profile becomes "erased user" with no external id or token; every message,
   * note and hand-over note of their chats, their chats' context, their tickets' personal fields, replies and
   * call-backs are blanked; attachments, read marks and searches are deleted. Rows, numbers and times stay,
   * so ticket numbers and statistics do not move.
   */
  eraseEndUser(endUserId: string, now: number, erasedName: string, erasedText: string): Promise<ErasedRecords>;
}

export interface PrivacyStore extends AuditStore, ClusterJobStore, RetentionStore, EndUserDataStore {}
