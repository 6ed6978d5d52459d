// The SLA report as CSV (RFC 4180): one row per priority and one for all, the columns the API documents.
import type { ClockFigures, SlaReport } from '../../../shared/report-model';

export const SLA_CSV_COLUMNS = [
  'priority',
  'tickets',
  'first_response_met',
  'first_response_breached',
  'first_response_pending',
  'first_response_attainment_percent',
  'first_response_median_minutes',
  'first_response_p90_minutes',
  'resolution_met',
  'resolution_breached',
  'resolution_pending',
  'resolution_attainment_percent',
  'resolution_median_minutes',
  'resolution_p90_minutes',
] as const;

/** A field quoted when it holds a comma, quote or line break; a leading =,+,-,@ is defused for spreadsheets. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (fields: Array<string | number | null>): string => fields.map(csvField).join(',');

const clock = (f: ClockFigures) => [f.met, f.breached, f.pending, f.attainmentPercent, f.medianMinutes, f.p90Minutes];

export function slaReportCsv(report: SlaReport): string {
  const lines = [csvLine([...SLA_CSV_COLUMNS])];
  for (const row of report.rows) lines.push(csvLine([row.priority, row.tickets, ...clock(row.firstResponse), ...clock(row.resolution)]));
  return `${lines.join('\r\n')}\r\n`;
}
