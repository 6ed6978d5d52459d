// The SLA report as the API and the console's Reports section see it: per priority, volumes, chats, a daily series.
import type { CreditPerBreach } from './support-plan';
import type { TicketPriority } from './ticket-model';

export interface ClockFigures {
  met: number;
  breached: number;
  /** Still running (or paused) at the report's end, neither met nor breached. */
  pending: number;
  /** met / (met + breached), percent with one decimal; null when nothing was decided. */
  attainmentPercent: number | null;
  /** Of the met and breached ones, minutes of clock time (open time for plans with business hours). */
  medianMinutes: number | null;
  p90Minutes: number | null;
}

export interface SlaReportRow {
  priority: TicketPriority | 'all';
  tickets: number;
  firstResponse: ClockFigures;
  /** Tickets whose priority has no resolution target are left out of these figures. */
  resolution: ClockFigures;
}

export interface VolumeEntry {
  key: string;
  tickets: number;
  chats: number;
}

export interface SlaReport {
  from: number;
  to: number;
  organisation: { id: string; name: string } | null;
  rows: SlaReportRow[];
  volume: { byCategory: VolumeEntry[]; byClassroom: VolumeEntry[] };
  chats: {
    started: number;
    closed: number;
    /** Closed chats handled by one person, never transferred or escalated, that did not become a ticket. */
    firstContactResolved: number;
    firstContactPercent: number | null;
    /** Readers who said "This helped" under an article with no chat open: chats that never had to start. */
    deflectedByArticles: number;
  };
  /** One entry per UTC day of the period: tickets created, and breaches recorded, that day. */
  daily: Array<{ day: number; tickets: number; breaches: number }>;
}

/** One breach on a monthly credit statement. */
export interface CreditLine {
  ticketId: string;
  ticketNumber: string;
  subject: string;
  priority: TicketPriority;
  clock: 'first_response' | 'resolution';
  breachedAt: number;
  /** The plan (version) the ticket was created under; null: the global policy, which carries no credit. */
  plan: { id: string; name: string; version: number } | null;
  credit: CreditPerBreach | null;
}

export interface CreditStatement {
  organisation: { id: string; name: string };
  /** 'YYYY-MM', in the time zone below. */
  month: string;
  /** The organisation's plan's time zone when it has business hours, else UTC. */
  timeZone: string;
  from: number;
  to: number;
  lines: CreditLine[];
  /** Credit owed, summed per unit. */
  totals: Array<{ unit: CreditPerBreach['unit']; amount: number }>;
}
