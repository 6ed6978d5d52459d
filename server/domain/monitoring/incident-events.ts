// Incident domain events: emitted only by the node whose write changed the incident, so transports fan them out
// cluster-wide (not `local`) and everyone hears each change once.
import type { IncidentNotice, IncidentView } from '../../../shared/incidents';

export type IncidentDomainEvent = {
  type: 'incident.changed';
  incident: IncidentView;
  /** What the end users in `tell` see now (the incident with its latest update, or resolved). */
  notice: IncidentNotice;
  /** End users to tell: everyone linked when it opens, is updated or resolved; only the new ones on a link. */
  tell: string[];
};
