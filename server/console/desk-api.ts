// The console's client of the desk, report and support-plan APIs (docs/api.md).
import type { CheckIn, DeskDetail, DeskOrganisation, LaunchWindow } from '../../shared/desk';
import type { CreateCheckInInput, CreateLaunchWindowInput, UpdateCheckInInput } from '../../shared/desk-schemas';
import type { SlaReport } from '../../shared/report-model';
import type { SupportPlanView } from '../../shared/support-plan';
import type { CreateSupportPlanInput, UpdateSupportPlanInput } from '../../shared/support-plan-schemas';
import { call } from './api';

export interface ReportFilter {
  from: number;
  to: number;
  organisationId: string | null;
}

const reportQuery = (f: ReportFilter, extra: Record<string, string> = {}) =>
  new URLSearchParams({
    from: String(f.from),
    to: String(f.to),
    ...(f.organisationId ? { organisationId: f.organisationId } : {}),
    ...extra,
  }).toString();

export const deskApi = {
  overview: () => call<DeskOrganisation[]>('GET', '/api/desk'),
  names: () => call<Array<{ id: string; name: string }>>('GET', '/api/desk/organisation-names'),
  detail: (organisationId: string) => call<DeskDetail>('GET', `/api/desk/organisations/${organisationId}`),
  scheduleCheckIn: (input: CreateCheckInInput) => call<CheckIn>('POST', '/api/desk/check-ins', input),
  updateCheckIn: (id: string, patch: UpdateCheckInInput) => call<CheckIn>('PATCH', `/api/desk/check-ins/${id}`, patch),
  cancelCheckIn: (id: string) => call<null>('DELETE', `/api/desk/check-ins/${id}`),
  declareLaunch: (input: CreateLaunchWindowInput) => call<LaunchWindow>('POST', '/api/desk/launch-windows', input),
  removeLaunch: (id: string) => call<null>('DELETE', `/api/desk/launch-windows/${id}`),

  slaReport: (f: ReportFilter) => call<SlaReport>('GET', `/api/reports/sla?${reportQuery(f)}`),
  slaCsvUrl: (f: ReportFilter) => `/api/reports/sla?${reportQuery(f, { format: 'csv' })}`,
  statementUrl: (organisationId: string, month: string) =>
    `/api/reports/credits?${new URLSearchParams({ organisationId, month, format: 'html' }).toString()}`,

  plans: () => call<SupportPlanView[]>('GET', '/api/admin/support-plans'),
  createPlan: (input: CreateSupportPlanInput) => call<SupportPlanView>('POST', '/api/admin/support-plans', input),
  updatePlan: (id: string, patch: UpdateSupportPlanInput) => call<SupportPlanView>('PATCH', `/api/admin/support-plans/${id}`, patch),
};
