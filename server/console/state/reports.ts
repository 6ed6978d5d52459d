// The Reports section's state: the filter (a period of whole local days, one organisation or all), the report
// for it (loaded again on every change; a late answer to an older filter is dropped) and the organisations
// the agent may report on.
import { atom } from 'nanostores';
import type { SlaReport } from '../../../shared/report-model';
import { deskApi, type ReportFilter } from '../desk-api';

export interface ReportForm {
  /** 'YYYY-MM-DD', local days, both included. */
  fromDay: string;
  toDay: string;
  organisationId: string | null;
}

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const localDay = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
const midnight = (day: string) => new Date(`${day}T00:00`).getTime();

/** The last `days` days up to and including today. */
export const lastDays = (days: number, organisationId: string | null = null): ReportForm => ({
  fromDay: localDay(Date.now() - (days - 1) * DAY),
  toDay: localDay(Date.now()),
  organisationId,
});

/** The form as the API's period: from the first day's midnight to the midnight after the last. */
export function filterOf(form: ReportForm): ReportFilter | null {
  const from = midnight(form.fromDay);
  const next = new Date(`${form.toDay}T00:00`);
  next.setDate(next.getDate() + 1);
  const to = next.getTime();
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) return null;
  return { from, to, organisationId: form.organisationId };
}

export const $reportForm = atom<ReportForm>(lastDays(30));
export const $report = atom<{ report: SlaReport | null; loading: boolean; error: string | null }>({ report: null, loading: false, error: null });
export const $reportOrganisations = atom<Array<{ id: string; name: string }>>([]);

let asked = 0;

export async function loadReport(): Promise<void> {
  const filter = filterOf($reportForm.get());
  if (!filter) return;
  const mine = ++asked;
  $report.set({ ...$report.get(), loading: true, error: null });
  const result = await deskApi.slaReport(filter);
  if (mine !== asked) return;
  $report.set(
    result.ok ? { report: result.data, loading: false, error: null } : { report: $report.get().report, loading: false, error: result.error.message },
  );
}

export function setReportForm(form: ReportForm): void {
  $reportForm.set(form);
  void loadReport();
}

export async function openReports(): Promise<void> {
  const names = await deskApi.names();
  if (names.ok) $reportOrganisations.set(names.data);
  await loadReport();
}
