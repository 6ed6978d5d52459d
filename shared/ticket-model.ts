// Ticket types both sides see: priorities, workflow states with internal and customer-facing names, views.
import type { ConversationContext, Tier, UserRole } from './model';
import type { Notice, TicketAlertNotice } from './notices/notice-schema';
import type { IncidentStepData, TicketKind } from './incidents';

export const TICKET_PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

// Priority names and meanings people read are in the clients' dictionaries (console: tickets part; widget).

/** new → open → pending (waiting on the customer) → resolved → closed. */
export const TICKET_STATUSES = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Moves the support team may make by hand. 'new' is only ever the first status; 'closed' is final. */
export const STAFF_MOVES: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'pending', 'resolved', 'closed'],
  open: ['pending', 'resolved', 'closed'],
  pending: ['open', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: [],
};

/** Names the support team uses. */
export const STATUS_NAME: Record<TicketStatus, string> = {
  new: 'New',
  open: 'Open',
  pending: 'Pending',
  resolved: 'Resolved',
  closed: 'Closed',
};

/** How far a ticket has been escalated: a tier, or past the account manager to the supervisors. */
export type EscalationLevel = Tier | 'supervisors';

export const LEVEL_NAME: Record<EscalationLevel, string> = {
  L1: 'L1',
  L2: 'L2',
  account_manager: 'Account manager',
  supervisors: 'Supervisors',
};

export type TicketChannel = 'chat' | 'widget' | 'message' | 'api' | 'console' | 'follow_up';

export type SlaMetric = 'first_response' | 'resolution';

export type SlaState = 'ok' | 'at_risk' | 'breached';

export const TICKET_EVENT_KINDS = [
  'created',
  'assigned',
  'reply',
  'note',
  'status',
  'priority',
  'escalated',
  'sla_warning',
  'sla_breach',
  'attachment',
  'callback_requested',
  'callback_acknowledged',
  'linked',
  // A step of an incident (opened, users linked, an update, recovered, resolved), with the classroom's figures.
  'incident',
] as const;
export type TicketEventKind = (typeof TICKET_EVENT_KINDS)[number];

export type TicketActorKind = 'agent' | 'customer' | 'system' | 'api';

/** Details of a history entry; which fields are set depends on the kind. */
export interface TicketEventData {
  from?: string;
  to?: string;
  metric?: SlaMetric;
  /** The deadline a warning or breach was about. */
  dueAt?: number;
  /** Why a status changed by itself, e.g. 'customer_reply', 'auto_close'. */
  reason?: string;
  level?: EscalationLevel;
  assigneeName?: string | null;
  attachmentId?: string;
  fileName?: string;
  phone?: string;
  preferredTime?: string;
  ticketNumber?: string;
  channel?: TicketChannel;
  incident?: IncidentStepData;
}

/** One entry of a ticket's history, as the console shows it. */
export interface TicketEvent {
  seq: number;
  kind: TicketEventKind;
  actor: { kind: TicketActorKind; id: string | null; name: string };
  /** Whether the customer sees it; internal notes and SLA alerts never are. */
  public: boolean;
  text: string | null;
  data: TicketEventData;
  createdAt: number;
}

export interface SlaClock {
  /** Target from creation in ms of running time; null when the policy has none (P4 resolution). */
  targetMs: number | null;
  /** When it falls due; null while paused, met or without a target. */
  dueAt: number | null;
  /** Time left when the clock is paused. */
  remainingMs: number | null;
  metAt: number | null;
  warnedAt: number | null;
  breachedAt: number | null;
}

export interface TicketSla {
  policyVersion: number;
  /** The support plan the clocks follow; null: the global policy. */
  planId: string | null;
  /** Whether the clocks count only the plan's business hours. */
  businessHours: boolean;
  paused: boolean;
  firstResponse: SlaClock;
  resolution: SlaClock;
  /** The earliest deadline still to meet (may be in the past when breached); null while paused or done. */
  nextDueAt: number | null;
  state: SlaState;
}

export interface TicketPerson {
  id: string;
  name: string;
}

/** A row in the console's ticket list. */
export interface TicketSummary {
  id: string;
  /** Human-friendly, e.g. "CS-000123". */
  number: string;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  category: string | null;
  channel: TicketChannel;
  level: EscalationLevel;
  assignee: (TicketPerson & { tier: Tier }) | null;
  requester: (TicketPerson & { role: UserRole | null }) | null;
  organisation: TicketPerson;
  createdAt: number;
  updatedAt: number;
  sla: TicketSla;
  /** Call-back requests nobody has acknowledged yet. */
  openCallbacks: number;
  /** 'incident': a classroom-wide problem opened by quality monitoring (shown as "Incident"); absent: standard. */
  kind?: TicketKind;
}

export interface TranscriptLine {
  authorKind: 'visitor' | 'agent' | 'system';
  authorName: string;
  text: string;
  /** A system line (not a person's words): render it in the reader's language. */
  notice?: Notice;
  createdAt: number;
}

export interface AttachmentView {
  id: string;
  name: string;
  type: string;
  size: number;
  uploadedBy: string;
  createdAt: number;
}

export interface CallbackView {
  id: string;
  phone: string;
  preferredTime: string;
  createdAt: number;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
}

export interface TicketDetail extends TicketSummary {
  description: string;
  steps: string | null;
  since: string | null;
  affected: string | null;
  impact: string | null;
  environment: ConversationContext | null;
  conversationId: string | null;
  /** The chat the ticket was made from, as it was then. */
  transcript: TranscriptLine[];
  linkedTicket: { id: string; number: string } | null;
  events: TicketEvent[];
  attachments: AttachmentView[];
  callbacks: CallbackView[];
}

/** Pushed to the agents who must act: warned, breached, escalated, assigned, a call back asked for. */
export interface TicketAlert {
  kind: 'sla_warning' | 'sla_breach' | 'escalated' | 'assigned' | 'callback';
  ticket: TicketSummary;
  /** What happened, as a code with parameters: render it in the reader's language (shared/notices). */
  notice: TicketAlertNotice;
  /** The notice in English, for clients that do not render notices. */
  message: string;
  at: number;
}

/** A ticket in the widget's list. */
export interface VisitorTicketSummary {
  id: string;
  number: string;
  subject: string;
  /** A code: each client words it in its reader's language (the widget: "Received" / 「已收到」…). */
  status: TicketStatus;
  priority: TicketPriority;
  engineerName: string | null;
  /** When support aims to answer or solve next; null while waiting on the customer or done. */
  nextDueAt: number | null;
  /** What is due then: the first reply, or the solution. */
  nextDueFor: 'reply' | 'solution' | null;
  createdAt: number;
  updatedAt: number;
  /** Updates from support the user has not looked at. */
  unread: number;
}

/** One line of the customer-visible history: a reply, or a plain-words note of what happened. */
export interface VisitorTicketEvent {
  seq: number;
  kind: TicketEventKind;
  authorName: string;
  fromSupport: boolean;
  /** A reply's words; for everything else the notice rendered in English (for clients that know no codes). */
  text: string;
  /** What happened, as a code with parameters (null for replies): render it in the reader's language. */
  notice: Notice | null;
  createdAt: number;
}

export interface VisitorAttachment extends AttachmentView {
  /** Download address; carries a short-lived grant, so it works from the host page. */
  url: string;
}

export interface VisitorTicketDetail extends VisitorTicketSummary {
  description: string;
  events: VisitorTicketEvent[];
  attachments: VisitorAttachment[];
  callbacks: Array<Omit<CallbackView, 'acknowledgedBy'>>;
  /** The organisation's emergency number, for P1 tickets. */
  hotline: string | null;
  linkedTicket: { id: string; number: string } | null;
}

export interface SlaTarget {
  firstResponseMinutes: number;
  /** null: no resolution target (negotiated case by case). */
  resolutionMinutes: number | null;
}

export interface SlaPolicy {
  /** 0 is the built-in default; every saved change gets the next number. */
  version: number;
  targets: Record<TicketPriority, SlaTarget>;
  /** Share of the target used up at which the assignee and supervisors are warned. */
  warnAtPercent: number;
  createdAt: number | null;
  createdBy: string | null;
}

/** Where the widget stands before a chat: can someone answer now, and the emergency number. */
export interface SupportStatus {
  agentsAvailable: boolean;
  hotline: string | null;
  /**
   * The organisation's support plan hours now: closed, and when support opens next (epoch ms; null when it does
   * not open again within the plan's calendar). Always open without a plan or hours.
   */
  hours: { open: boolean; opensAt: number | null };
}

export interface UploadGrant {
  /** Absolute address to POST the file to, with the grant in `Authorization: Grant <token>`. */
  url: string;
  token: string;
  expiresAt: number;
  maxBytes: number;
  types: string[];
}

export const TICKET_NUMBER_PREFIX = 'CS-';

/** 123 → "CS-000123": zero-padded to six digits, longer numbers keep all their digits. */
export const formatTicketNumber = (n: number): string => `${TICKET_NUMBER_PREFIX}${String(n).padStart(6, '0')}`;

/** "CS-000123" (any case, padding optional) → 123; null when it is not a ticket number. */
export function parseTicketNumber(text: string): number | null {
  const match = /^cs-(\d{1,12})$/i.exec(text.trim());
  return match ? Number(match[1]) : null;
}
