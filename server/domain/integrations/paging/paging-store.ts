// The Store port of on-call paging: the rota (time zone, shifts), team-chat channels, and pages claimed per step.
import type { ChatFormat, OncallTier, PageReason, PageStatus, PageStepView } from '../../../../shared/paging';

export interface OncallShiftRecord {
  id: string;
  organisationId: string;
  tier: OncallTier;
  agentId: string;
  startsAt: number;
  endsAt: number;
  consoleOrigin: string | null;
  createdBy: string | null;
  createdAt: number;
}

export interface PagingChannelRecord {
  id: string;
  organisationId: string;
  url: string;
  format: ChatFormat;
  createdAt: number;
}

export interface PageRecord {
  id: string;
  organisationId: string;
  ticketId: string;
  reason: PageReason;
  causeKey: string;
  firstTier: OncallTier;
  tier: OncallTier | null;
  agentId: string | null;
  step: number;
  status: PageStatus;
  dueAt: number | null;
  ackToken: string;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  log: PageStepView[];
  createdAt: number;
}

export interface PagingStore {
  getOncallTimeZone(organisationId: string): Promise<string | null>;
  setOncallTimeZone(organisationId: string, timeZone: string, now: number): Promise<void>;
  addShift(shift: OncallShiftRecord): Promise<void>;
  /** Shifts that end after `from`, earliest first. */
  listShifts(organisationId: string, from: number): Promise<OncallShiftRecord[]>;
  countShifts(organisationId: string): Promise<number>;
  deleteShift(organisationId: string, id: string): Promise<boolean>;
  /** The shifts of a tier covering `at` (the latest-starting first: a cover shift wins over the regular one). */
  shiftsAt(organisationId: string, tier: OncallTier, at: number): Promise<OncallShiftRecord[]>;

  addPagingChannel(channel: PagingChannelRecord): Promise<void>;
  listPagingChannels(organisationId: string): Promise<PagingChannelRecord[]>;
  deletePagingChannel(organisationId: string, id: string): Promise<boolean>;

  /** Creates the page unless one with its cause exists; true if created. */
  addPage(page: PageRecord): Promise<boolean>;
  getPage(id: string): Promise<PageRecord | null>;
  findPageByToken(token: string): Promise<PageRecord | null>;
  listPages(filter: { organisationId?: string; ticketId?: string; status?: PageStatus; limit: number }): Promise<PageRecord[]>;
  listDuePages(now: number, limit: number): Promise<PageRecord[]>;
  /** Conditional on the due time and step read: true for exactly one caller, which moves due_at to `leaseUntil`. */
  claimPage(id: string, dueAt: number, step: number, leaseUntil: number): Promise<boolean>;
  /** A step done: who was paged, what happened, when the next step falls due (null: none). Only while paging. */
  recordPageStep(
    id: string,
    step: { step: number; tier: OncallTier; agentId: string | null; log: PageStepView[]; dueAt: number | null; status: PageStatus },
  ): Promise<void>;
  /** True for the one caller that acknowledged a page still paging or unanswered. */
  acknowledgePage(id: string, agentId: string, at: number): Promise<boolean>;
}
