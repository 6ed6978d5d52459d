// The Store port of incidents: opening one (the claim, its P1 ticket, the affected users and the webhook
// deliveries in one transaction), linking what affected users open meanwhile, updates, recovery, resolving.
import type { IncidentLinkKind, IncidentUpdate } from '../../../shared/incidents';
import type { DeliveryRecord } from '../integrations/webhooks/webhook-store';
import type { NewTicket, Ticket, TicketEventRecord } from '../tickets/ticket-records';

export interface IncidentRecord {
  ticketId: string;
  organisationId: string;
  classroomId: string;
  openedAt: number;
  recoveredAt: number | null;
  resolvedAt: number | null;
  lastUpdate: IncidentUpdate | null;
}

export interface IncidentLink {
  kind: IncidentLinkKind;
  id: string;
}

export interface IncidentOpening {
  classroomId: string;
  ticket: NewTicket;
  events: TicketEventRecord[];
  links: IncidentLink[];
  /** incident.opened to every subscribed webhook, given the ticket's number: stored with the incident or not at all. */
  deliveries: (ticketNumber: number) => DeliveryRecord[];
}

export interface IncidentStore {
  /**
   * Opens the classroom's incident unless one is open: claim, numbered ticket, history, links and deliveries
   * in one transaction. When another node (or an earlier call) opened it first, returns that one, created=false.
   */
  openIncident(opening: IncidentOpening): Promise<{ incident: IncidentRecord; ticket: Ticket; created: boolean }>;
  getIncident(ticketId: string): Promise<IncidentRecord | null>;
  getOpenIncident(organisationId: string, classroomId: string): Promise<IncidentRecord | null>;
  /** The open incident an end user is linked to, if any (the newest). */
  findOpenIncidentOfUser(endUserId: string): Promise<IncidentRecord | null>;
  /** Open incidents first, then those resolved since `resolvedSince`; newest first. */
  listIncidents(resolvedSince: number, limit: number): Promise<IncidentRecord[]>;
  /** Adds links; returns those that were new (a link made twice, e.g. by two nodes, counts once). */
  linkToIncident(ticketId: string, links: IncidentLink[], at: number): Promise<IncidentLink[]>;
  listIncidentLinks(ticketId: string): Promise<(IncidentLink & { at: number })[]>;
  /** Quality recovered (a time) or broke again (null); only while open. Returns false when it was no change. */
  setIncidentRecovered(ticketId: string, at: number | null): Promise<boolean>;
  /** Keeps the newest update for users linked later. */
  setIncidentUpdate(ticketId: string, update: IncidentUpdate): Promise<void>;
  /** Resolves it with its incident.resolved deliveries in one transaction; false when it was resolved already. */
  resolveIncident(ticketId: string, at: number, deliveries: DeliveryRecord[]): Promise<boolean>;
}
