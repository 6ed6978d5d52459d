// The account manager's desk as the API and the console see it: each organisation's health at a glance,
// scheduled check-ins with the customer, and launch windows (a period of closer attention around a launch).
import type { TicketPriority } from './ticket-model';

export interface CheckIn {
  id: string;
  organisationId: string;
  /** When the meeting is, epoch ms. */
  at: number;
  agenda: string;
  notes: string;
  /** The account manager is reminded this long before it; 0: no reminder. */
  remindMinutesBefore: number;
  /** When the reminder went out (once across the nodes); null: not yet. */
  remindedAt: number | null;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export interface LaunchWindow {
  id: string;
  organisationId: string;
  /** What goes live, in the customer's words ("Spring course, week 1"). */
  title: string;
  startsAt: number;
  endsAt: number;
  createdBy: string;
  createdAt: number;
}

export interface DeskHealth {
  /** Tickets not resolved or closed, per priority. */
  openTickets: Record<TicketPriority, number>;
  /** Open tickets past their SLA warning and not breached. */
  atRisk: number;
  /** Open tickets with a breached clock. */
  breached: number;
  /** Classrooms reporting quality now, and how many of them are degraded or in an incident condition. */
  classrooms: { reporting: number; degraded: number; incidents: number };
  /** Incidents (classroom-wide outages) open now. */
  openIncidents: number;
  /** Ratings of the last 30 days. */
  satisfaction: { ratings: number; average: number | null; satisfiedPct: number | null };
}

export interface DeskOrganisation {
  id: string;
  name: string;
  accountManager: { id: string; name: string } | null;
  plan: { id: string; name: string } | null;
  /**
   * The customer's time zone (IANA): their plan's opening-hours zone, else their on-call rota's; null when
   * neither says. Check-in times are entered and shown in it.
   */
  timeZone: string | null;
  health: DeskHealth;
  /** The next check-in not yet past (by its time), if any. */
  nextCheckIn: CheckIn | null;
  /** The launch window running now, else the next one to come. */
  launchWindow: LaunchWindow | null;
  /** Whether `launchWindow` is running now. */
  launchActive: boolean;
}

/** One organisation's desk page: its check-ins and launch windows (the recent past and everything to come). */
export interface DeskDetail {
  organisation: DeskOrganisation;
  checkIns: CheckIn[];
  launchWindows: LaunchWindow[];
}

/** A check-in reminder as the account manager's console gets it. */
export interface CheckInReminder {
  checkInId: string;
  organisationId: string;
  organisationName: string;
  at: number;
  agenda: string;
}

/** The longest launch window one may declare. */
export const MAX_LAUNCH_WINDOW_DAYS = 31;
