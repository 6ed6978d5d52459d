// The console's client of the monitoring API (docs/monitoring.md): live classroom health, one classroom with
// its chart, and each organisation's rules (admins).
import type { ClassroomHealth, QualityRules } from '../../shared/quality';
import { call } from './api';

export interface ClassroomDetail {
  live: ClassroomHealth | null;
  minutes: { minute: number; rttMs: number | null; packetLossPct: number | null; degradedUsers: number; users: number }[];
}

export interface OrganisationRules {
  organisationId: string;
  rules: QualityRules;
  custom: boolean;
}

export const monitoringApi = {
  classrooms: () => call<ClassroomHealth[]>('GET', '/api/monitoring/classrooms'),
  classroom: (organisationId: string, classroomId: string) =>
    call<ClassroomDetail>('GET', `/api/monitoring/organisations/${organisationId}/classrooms/${encodeURIComponent(classroomId)}`),
  rules: (organisationId: string) => call<OrganisationRules>('GET', `/api/admin/organisations/${organisationId}/quality-rules`),
  saveRules: (organisationId: string, rules: QualityRules | null) =>
    call<OrganisationRules>('PUT', `/api/admin/organisations/${organisationId}/quality-rules`, { rules }),
};
