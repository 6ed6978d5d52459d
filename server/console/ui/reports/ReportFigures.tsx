// The report's SLA figures: attainment per priority as bars and as a table (met / breached / pending,
// attainment, median and p90 minutes for both clocks), and tickets and breaches per day as lines.
import { useStore } from '@nanostores/preact';
import type { ClockFigures, SlaReport, SlaReportRow } from '../../../../shared/report-model';
import { texts } from '../../i18n/i18n';
import { BarChart } from '../charts/BarChart';
import { LineChart } from '../charts/LineChart';
import { ReportVolumes } from './ReportVolumes';

const reportText = texts('reports');

export function ReportFigures({ report }: { report: SlaReport }) {
  const t = useStore(reportText);
  const priorities = report.rows.filter((r) => r.priority !== 'all');
  const name = (r: SlaReportRow) => (r.priority === 'all' ? t.allPriorities : r.priority);
  const percent = (n: number | null) => (n === null ? t.noFigure : `${n}%`);
  const summary = priorities
    .map((r) => `${r.priority} ${percent(r.firstResponse.attainmentPercent)} / ${percent(r.resolution.attainmentPercent)}`)
    .join(', ');
  const totals = report.daily.reduce((sum, d) => ({ tickets: sum.tickets + d.tickets, breaches: sum.breaches + d.breaches }), {
    tickets: 0,
    breaches: 0,
  });
  return (
    <>
      <section aria-labelledby="sla-report-title">
        <h2 id="sla-report-title">{t.sla}</h2>
        <BarChart
          categories={priorities.map(name)}
          series={[
            { label: t.firstResponse, values: priorities.map((r) => r.firstResponse.attainmentPercent), color: '#1f5fbf' },
            { label: t.resolution, values: priorities.map((r) => r.resolution.attainmentPercent), color: '#2e8540' },
          ]}
          unit={t.percentUnit}
          max={100}
          summary={t.chartAttainment({ summary })}
        />
        <table class="admin-table report-table" aria-label={t.sla}>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t.priority}
              </th>
              <th scope="col" rowSpan={2}>
                {t.tickets}
              </th>
              <th scope="colgroup" colSpan={3}>
                {t.firstResponse}
              </th>
              <th scope="colgroup" colSpan={3}>
                {t.resolution}
              </th>
            </tr>
            <tr>
              {[0, 1].map((k) => [
                <th key={`m${k}`} scope="col">
                  {t.metBreachedPending}
                </th>,
                <th key={`a${k}`} scope="col">
                  {t.attainment}
                </th>,
                <th key={`t${k}`} scope="col">
                  {t.medianP90}
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.priority} class={r.priority === 'all' ? 'total' : ''}>
                <th scope="row">{name(r)}</th>
                <td>{r.tickets}</td>
                <ClockCells figures={r.firstResponse} />
                <ClockCells figures={r.resolution} />
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="daily-title">
        <h2 id="daily-title">{t.daily}</h2>
        <LineChart
          times={report.daily.map((d) => d.day)}
          series={[
            { label: t.ticketsSeries, values: report.daily.map((d) => d.tickets), color: '#1f5fbf', unit: t.countUnit },
            { label: t.breachesSeries, values: report.daily.map((d) => d.breaches), color: '#b3261e', unit: t.countUnit },
          ]}
          summary={t.chartDaily(totals)}
        />
      </section>
      <ReportVolumes report={report} />
    </>
  );
}

function ClockCells({ figures: f }: { figures: ClockFigures }) {
  const t = useStore(reportText);
  const minutes = (n: number | null) => (n === null ? t.noFigure : t.minutes({ value: n }));
  return (
    <>
      <td>
        {f.met} / {f.breached} / {f.pending}
      </td>
      <td>{f.attainmentPercent === null ? t.noFigure : `${f.attainmentPercent}%`}</td>
      <td>
        {minutes(f.medianMinutes)} / {minutes(f.p90Minutes)}
      </td>
    </>
  );
}
