// What the domain keeps about tickets: the ticket with its SLA clock, history events, attachments, call-backs, tokens.
import type { ConversationContext } from '../../../shared/model';
import type { TicketKind } from '../../../shared/incidents';
import type { BusinessHours } from '../../../shared/support-plan';
import type {
  EscalationLevel,
  SlaPolicy,
  TicketActorKind,
  TicketChannel,
  TicketEventData,
  TicketEventKind,
  TicketPriority,
  TicketStatus,
  TranscriptLine,
} from '../../../shared/ticket-model';

/**
 * The SLA clock of one ticket. Targets are copied from the policy version the ticket was created under,
 * so a policy change applies to new tickets only. The due points are derived (sla.ts) and stored so the
 * store can find what falls due next; the *At fields record that a warning or breach fired, once.
 */
export interface TicketSlaRecord {
  /** The policy version, or with a plan the plan's version. */
  policyVersion: number;
  /** The organisation's support plan when the ticket was created; null: the global policy. */
  planId: string | null;
  /** The calendar the clock counts in (the plan's business hours for this priority); null: around the clock. */
  hours: BusinessHours | null;
  firstResponseTargetMs: number;
  resolutionTargetMs: number | null;
  warnAtPercent: number;
  /** Running time excluded so far (waiting on the customer, solved). */
  pausedMs: number;
  /** Set while the clock is paused. */
  pausedSince: number | null;
  firstResponseWarnAt: number | null;
  firstResponseDueAt: number | null;
  resolutionWarnAt: number | null;
  resolutionDueAt: number | null;
  firstResponseWarnedAt: number | null;
  firstResponseBreachedAt: number | null;
  resolutionWarnedAt: number | null;
  resolutionBreachedAt: number | null;
  nextDueAt: number | null;
  /** The earliest warning, breach or auto-close that has not happened yet: when the scheduler must look again. */
  nextTimerAt: number | null;
  state: 'ok' | 'at_risk' | 'breached';
}

export interface Ticket {
  id: string;
  /** Sequential per installation, from 1; shown as CS-000123. */
  number: number;
  organisationId: string;
  /** The customer who follows it in the widget; null for tickets the team opened without one. */
  endUserId: string | null;
  conversationId: string | null;
  /** The earlier ticket this one follows up (a reply after the earlier one closed). */
  linkedTicketId: string | null;
  subject: string;
  category: string | null;
  description: string;
  steps: string | null;
  since: string | null;
  affected: string | null;
  impact: string | null;
  priority: TicketPriority;
  status: TicketStatus;
  level: EscalationLevel;
  assigneeId: string | null;
  channel: TicketChannel;
  environment: ConversationContext | null;
  transcript: TranscriptLine[];
  createdAt: number;
  updatedAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  /** A solved ticket closes by itself at this time unless the customer writes back. */
  autoCloseAt: number | null;
  sla: TicketSlaRecord;
  /** Highest history seq so far. */
  eventSeq: number;
  /** Customer-visible updates from support so far, and how many of them the customer has seen. */
  customerSeq: number;
  customerSeenSeq: number;
  /** Bumped by every write; writes are conditional on it, so concurrent changes never overwrite each other. */
  version: number;
  /** Creator + client id of the request that made it, so a repeated request returns the same ticket. */
  clientKey: string | null;
  /** 'incident' for a classroom-wide problem (quality monitoring); absent means 'standard'. */
  kind?: TicketKind;
}

export type NewTicket = Omit<Ticket, 'number'>;

export interface TicketEventRecord {
  id: string;
  ticketId: string;
  seq: number;
  kind: TicketEventKind;
  actorKind: TicketActorKind;
  actorId: string | null;
  actorName: string;
  public: boolean;
  text: string | null;
  data: TicketEventData;
  /** Author + client id of a reply or note, so a resend stores nothing twice. */
  clientKey: string | null;
  createdAt: number;
}

export interface AttachmentRecord {
  id: string;
  ticketId: string;
  name: string;
  type: string;
  size: number;
  /** Where the bytes live in the attachment file store. */
  storageKey: string;
  uploadedByKind: TicketActorKind;
  uploadedById: string | null;
  uploadedByName: string;
  createdAt: number;
  /** Uploader + the upload id the client sent, so a resent upload is stored once; null when it sent none. */
  uploadKey: string | null;
}

export interface CallbackRecord {
  id: string;
  ticketId: string;
  phone: string;
  preferredTime: string;
  createdAt: number;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  acknowledgedByName: string | null;
}

export interface ApiTokenRecord {
  id: string;
  name: string;
  tokenHash: string;
  createdBy: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
  /** The one organisation the token reaches; null reaches every organisation (chosen explicitly). */
  organisationId: string | null;
  /** After this the token no longer works; null never expires. */
  expiresAt: number | null;
}

export type StoredSlaPolicy = SlaPolicy & { version: number; createdAt: number };

export interface TicketFilter {
  statuses?: TicketStatus[];
  priorities?: TicketPriority[];
  /** An agent id, or null for unassigned tickets. */
  assigneeId?: string | null;
  slaState?: 'at_risk' | 'breached';
  /** Only this organisation's tickets (an API token's scope). */
  organisationId?: string;
  limit: number;
}

/** Everything one ticket write stores besides the ticket row, in the same transaction. */
export interface TicketWrite {
  events: TicketEventRecord[];
  attachment?: AttachmentRecord;
  callback?: CallbackRecord;
  acknowledgeCallback?: { id: string; agentId: string; agentName: string; at: number };
}
