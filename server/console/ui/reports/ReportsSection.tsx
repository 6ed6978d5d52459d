// Reports: SLA attainment per priority (chart and table), tickets and breaches per day, chats resolved at first
// contact and spared by articles, volume by category and classroom — for a period and an organisation, with
// the CSV of the same figures and the printable credit statement. Supervisors, admins, account managers.
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import { texts } from '../../i18n/i18n';
import { $me } from '../../state/me';
import { $report, $reportForm, $reportOrganisations, openReports, setReportForm } from '../../state/reports';
import { ReportFilters } from './ReportFilters';
import { ReportFigures } from './ReportFigures';
import './reports.css';

const reportText = texts('reports');

export function ReportsSection() {
  const t = useStore(reportText);
  const me = useStore($me);
  const { report, loading, error } = useStore($report);
  const organisations = useStore($reportOrganisations);
  const mayChooseAll = me?.role === 'supervisor' || me?.role === 'admin';
  useEffect(() => void openReports(), []);
  // An account manager reports on one of their organisations at a time: the first one until they choose.
  useEffect(() => {
    const form = $reportForm.get();
    if (!mayChooseAll && !form.organisationId && organisations[0]) setReportForm({ ...form, organisationId: organisations[0].id });
  }, [mayChooseAll, organisations]);
  return (
    <main class="page reports" aria-labelledby="reports-title" aria-busy={loading}>
      <h1 id="reports-title">{t.title}</h1>
      <p class="muted small">{t.lead}</p>
      <ReportFilters mayChooseAll={mayChooseAll} />
      {error && (
        <p role="alert" class="alert">
          {error}
        </p>
      )}
      <p role="status" class="small">
        {loading ? t.loading : ''}
      </p>
      {report && <ReportFigures report={report} />}
    </main>
  );
}
