// The part of the Store port that keeps tickets, their history, attachments, call-backs, SLA policies and API tokens.
import type { Agent } from '../records';
import type {
  ApiTokenRecord,
  AttachmentRecord,
  CallbackRecord,
  NewTicket,
  StoredSlaPolicy,
  Ticket,
  TicketEventRecord,
  TicketFilter,
  TicketWrite,
} from './ticket-records';

export interface TicketStore {
  /**
   * Stores a new ticket with the next number of the installation's counter and its first events, in one
   * transaction: numbers are consecutive, never handed out twice, and a failed insert uses none. With a
   * clientKey already stored, returns that ticket and created=false.
   */
  createTicket(ticket: NewTicket, events: TicketEventRecord[]): Promise<{ ticket: Ticket; created: boolean }>;
  getTicket(id: string): Promise<Ticket | null>;
  getTicketByNumber(number: number): Promise<Ticket | null>;
  findTicketByClientKey(clientKey: string): Promise<Ticket | null>;
  /** Sorted by next deadline (none last), then most recently updated. */
  listTickets(filter: TicketFilter): Promise<Ticket[]>;
  /** A customer's tickets, most recently updated first. */
  listTicketsOfEndUser(endUserId: string, limit: number): Promise<Ticket[]>;
  /**
   * Writes `ticket` (version bumped) and everything in `write`, only if the stored version is still
   * `ticket.version`. Returns false and changes nothing when someone else wrote first, or when a
   * call-back to acknowledge was acknowledged already.
   */
  saveTicket(ticket: Ticket, write: TicketWrite): Promise<boolean>;
  listTicketEvents(ticketId: string): Promise<TicketEventRecord[]>;
  findTicketEventByClientKey(ticketId: string, clientKey: string): Promise<TicketEventRecord | null>;
  /** Raises how many customer-visible updates the customer has seen (never lowers it). */
  markTicketSeen(ticketId: string, customerSeq: number): Promise<void>;
  /** Sum of unseen customer-visible updates over the customer's tickets. */
  countUnseenTicketUpdates(endUserId: string): Promise<number>;

  /** Tickets with an SLA warning, breach or auto-close due at or before `now` that has not happened yet. */
  listTicketsDue(now: number, limit: number): Promise<Ticket[]>;
  /** The earliest such point in the future or past; null when nothing is pending. */
  nextTicketDueAt(): Promise<number | null>;

  getAttachment(id: string): Promise<AttachmentRecord | null>;
  /** The attachment stored on `ticketId` under this upload key (unique per ticket), if any. */
  findAttachmentByUploadKey(ticketId: string, uploadKey: string): Promise<AttachmentRecord | null>;
  listAttachments(ticketId: string): Promise<AttachmentRecord[]>;
  listCallbacks(ticketId: string): Promise<CallbackRecord[]>;
  /** Call-backs nobody acknowledged yet, oldest first, over all tickets. */
  listOpenCallbacks(): Promise<CallbackRecord[]>;

  /** The newest saved policy, or null while the built-in default applies. */
  latestSlaPolicy(): Promise<StoredSlaPolicy | null>;
  getSlaPolicy(version: number): Promise<StoredSlaPolicy | null>;
  /** Saves a policy with version = latest + 1 (atomic); returns it. */
  saveSlaPolicy(policy: Omit<StoredSlaPolicy, 'version'>): Promise<StoredSlaPolicy>;

  createApiToken(token: ApiTokenRecord): Promise<void>;
  findApiTokenByHash(tokenHash: string): Promise<ApiTokenRecord | null>;
  listApiTokens(): Promise<ApiTokenRecord[]>;
  /** Returns false when there is no such token or it was revoked already. */
  revokeApiToken(id: string, now: number): Promise<boolean>;
  touchApiToken(id: string, now: number): Promise<void>;

  /** Every active agent, for escalation and notifications. */
  listActiveAgents(): Promise<Agent[]>;
  /** How many unfinished tickets (not resolved or closed) each of these agents holds. */
  countOpenTicketsByAssignee(agentIds: string[]): Promise<Map<string, number>>;
}
