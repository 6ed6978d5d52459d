// Incidents: one P1 ticket of kind 'incident' per classroom whose quality broke for most of its users. What the
// console lists, what an affected user's widget is told, and what the ticket's history records at each step.
import type { QualityFigures } from './quality';

export type TicketKind = 'standard' | 'incident';

/** A step of an incident, recorded in its ticket's history with the classroom's figures at that moment. */
export type IncidentStep = 'opened' | 'linked' | 'update' | 'recovered' | 'resolved';

/** The `incident` data of a ticket history entry of kind 'incident'. */
export interface IncidentStepData {
  step: IncidentStep;
  classroomId: string;
  /** The classroom's last minute (RTT, loss, jitter means) when it happened; null when nobody reported. */
  figures: QualityFigures | null;
  reportingUsers: number;
  degradedUsers: number;
  /** For 'linked': what was linked. */
  linked?: { kind: IncidentLinkKind; id: string; name?: string }[];
}

export type IncidentLinkKind = 'end_user' | 'conversation' | 'ticket';

/** An incident as the console shows it (Monitoring, the ticket). */
export interface IncidentView {
  ticketId: string;
  /** "CS-000123". */
  number: string;
  organisationId: string;
  organisationName: string;
  classroomId: string;
  openedAt: number;
  /** Quality recovered at: the console proposes to resolve. Null while the classroom is still degraded. */
  recoveredAt: number | null;
  resolvedAt: number | null;
  affectedUsers: number;
  linkedChats: number;
  linkedTickets: number;
  lastUpdate: IncidentUpdate | null;
}

export interface IncidentUpdate {
  text: string;
  authorName: string;
  at: number;
}

/** To each affected user's widget: the incident is open (with the latest update), or it is resolved. */
export interface IncidentNotice {
  ticketId: string;
  number: string;
  classroomId: string;
  openedAt: number;
  update: IncidentUpdate | null;
  resolved: boolean;
}
