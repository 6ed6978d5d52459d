// Incidents in the console: the open and recently resolved ones (loaded with Monitoring, kept live by
// incident:changed), and an alert with a chime when one opens or its classroom recovers (resolve proposed).
import { atom } from 'nanostores';
import type { IncidentView } from '../../../shared/incidents';
import { texts } from '../i18n/i18n';
import { incidentApi } from '../incident-api';
import type { AgentLink } from '../transport';
import { notify } from './alerts';
import { $section } from './section';
import { $unseenQualityAlerts } from './monitoring';

export const $incidents = atom<IncidentView[]>([]);
export const $incidentsError = atom<string | null>(null);
const incidentText = texts('incident');

export async function loadIncidents(): Promise<void> {
  const result = await incidentApi.list();
  if (!result.ok) return $incidentsError.set(result.error.message);
  $incidentsError.set(null);
  $incidents.set(result.data);
}

export function receiveIncident(incident: IncidentView): void {
  const before = $incidents.get().find((i) => i.ticketId === incident.ticketId);
  const rest = $incidents.get().filter((i) => i.ticketId !== incident.ticketId);
  $incidents.set(
    [incident, ...rest].sort((a, b) =>
      (a.resolvedAt === null) === (b.resolvedAt === null) ? b.openedAt - a.openedAt : a.resolvedAt === null ? -1 : 1,
    ),
  );
  const t = incidentText.get();
  const opened = !before && incident.resolvedAt === null;
  const recovered = before && before.recoveredAt === null && incident.recoveredAt !== null && incident.resolvedAt === null;
  if (opened)
    notify(
      t.alertOpened({
        number: incident.number,
        classroom: incident.classroomId,
        organisation: incident.organisationName,
        users: incident.affectedUsers,
      }),
      null,
    );
  else if (recovered) notify(t.alertRecovered({ number: incident.number, classroom: incident.classroomId }), null);
  if ((opened || recovered) && $section.get() !== 'monitoring') $unseenQualityAlerts.set($unseenQualityAlerts.get() + 1);
}

export function listenForIncidents(link: AgentLink): void {
  link.listen('incident:changed', receiveIncident);
}

export function resetIncidents(): void {
  $incidents.set([]);
  $incidentsError.set(null);
}
