// The Store's part for reports: tickets and chats of a period, and the chats articles spared.
import type { Ticket } from '../tickets/ticket-records';

export interface ReportChat {
  id: string;
  organisationId: string;
  classroomId: string | null;
  createdAt: number;
  closedAt: number | null;
  /** Transfers and escalations. */
  handovers: number;
  /** Whether a ticket was made from it. */
  ticketed: boolean;
}

export interface ReportScope {
  from: number;
  to: number;
  /** null: every organisation. */
  organisationId: string | null;
}

export interface ReportStore {
  /** Tickets created in [from, to). */
  listTicketsCreatedBetween(scope: ReportScope): Promise<Ticket[]>;
  /** Chats started in [from, to). */
  listChatsStartedBetween(scope: ReportScope): Promise<ReportChat[]>;
  /** The organisation's tickets with a breach (either clock) recorded in [from, to). */
  listTicketsBreachedBetween(organisationId: string, from: number, to: number): Promise<Ticket[]>;
  /** Article answers "This helped" with no chat open in [from, to). */
  countDeflections(scope: ReportScope): Promise<number>;
}
