// Support plans: the SLA targets, opening hours and breach credit an organisation bought; shared by server and console.
import type { SlaTarget, TicketPriority } from './ticket-model';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One stretch of a day when support is open, local wall time 'HH:MM' ('24:00' is the day's end). */
export interface OpenSpan {
  from: string;
  to: string;
}

/** When a plan's clocks run, in the plan's own time zone. */
export interface BusinessHours {
  /** IANA zone, e.g. Asia/Shanghai; daylight-saving changes follow it. */
  timeZone: string;
  week: Record<Weekday, OpenSpan[]>;
  /** Local dates ('YYYY-MM-DD') on which support is closed all day. */
  holidays: string[];
  /** P1 clocks run around the clock even outside these hours. */
  p1AlwaysOn: boolean;
}

/** What one breach is worth to the customer. */
export interface CreditPerBreach {
  unit: 'percent_of_monthly_fee' | 'service_hours';
  amount: number;
}

export interface SupportPlan {
  id: string;
  /** Every saved change is a new version; tickets keep the version they were created under. */
  version: number;
  name: string;
  targets: Record<TicketPriority, SlaTarget>;
  warnAtPercent: number;
  /** null: 24×7. */
  businessHours: BusinessHours | null;
  creditPerBreach: CreditPerBreach | null;
  createdAt: number;
  createdBy: string | null;
}

/** A plan with the organisations on it, as the admin screens list it. */
export interface SupportPlanView extends SupportPlan {
  organisations: Array<{ id: string; name: string }>;
}

/** The calendar a clock of this priority counts in: null is around the clock. */
export const calendarFor = (hours: BusinessHours | null, priority: TicketPriority): BusinessHours | null =>
  hours && !(priority === 'P1' && hours.p1AlwaysOn) ? hours : null;
