// The console's client of the incidents API (docs/api.md): the list, one update to every affected user, resolving.
import type { IncidentView } from '../../shared/incidents';
import { call } from './api';

export const incidentApi = {
  list: () => call<IncidentView[]>('GET', '/api/incidents'),
  postUpdate: (ticketId: string, text: string, clientId: string) =>
    call<IncidentView>('POST', `/api/incidents/${ticketId}/updates`, { text, clientId }),
  resolve: (ticketId: string) => call<IncidentView>('POST', `/api/incidents/${ticketId}/resolve`),
};
