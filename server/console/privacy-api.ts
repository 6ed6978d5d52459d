// The console's client of the personal-data API (docs/api.md): audit log, retention, end users.
import type { AuditAction, AuditPage } from '../../shared/audit-log';
import type { EndUserExport, EndUserSummary, ErasureReport, OrganisationRetention } from '../../shared/personal-data';
import { call } from './api';

export interface AuditQuery {
  action?: AuditAction;
  actorId?: string;
  before?: string;
}

const queryString = (query: AuditQuery): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  return params.toString();
};

export const privacyApi = {
  auditLog: (query: AuditQuery) => call<AuditPage>('GET', `/api/admin/audit-log?${queryString(query)}`),
  retention: () => call<OrganisationRetention[]>('GET', '/api/admin/retention'),
  setRetention: (organisationId: string, days: number | null) =>
    call<OrganisationRetention>('PUT', `/api/admin/organisations/${organisationId}/retention`, { days }),
  searchEndUsers: (query: string) => call<EndUserSummary[]>('GET', `/api/admin/end-users?query=${encodeURIComponent(query)}`),
  exportEndUser: (id: string) => call<EndUserExport>('GET', `/api/admin/end-users/${id}/export`),
  eraseEndUser: (id: string) => call<ErasureReport>('POST', `/api/admin/end-users/${id}/erase`),
};
