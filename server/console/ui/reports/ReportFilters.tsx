// The Reports filters: a period of whole days (with quick choices), one organisation (or all, for supervisors
// and admins), the CSV download of what is shown, and the printable credit statement of a month.
import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { deskApi } from '../../desk-api';
import { texts } from '../../i18n/i18n';
import { $reportForm, $reportOrganisations, filterOf, lastDays, setReportForm } from '../../state/reports';

const reportText = texts('reports');

export function ReportFilters({ mayChooseAll }: { mayChooseAll: boolean }) {
  const t = useStore(reportText);
  const form = useStore($reportForm);
  const organisations = useStore($reportOrganisations);
  const filter = filterOf(form);
  const [month, setMonth] = useState(form.toDay.slice(0, 7));
  return (
    <>
      <form class="report-filters" aria-label={t.filters} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t.from}
          <input
            type="date"
            required
            value={form.fromDay}
            max={form.toDay}
            onChange={(e) => setReportForm({ ...form, fromDay: e.currentTarget.value })}
          />
        </label>
        <label>
          {t.to}
          <input
            type="date"
            required
            value={form.toDay}
            min={form.fromDay}
            onChange={(e) => setReportForm({ ...form, toDay: e.currentTarget.value })}
          />
        </label>
        <div class="field">
          <label for="report-organisation">{t.organisation}</label>
          <select
            id="report-organisation"
            value={form.organisationId ?? ''}
            onChange={(e) => setReportForm({ ...form, organisationId: e.currentTarget.value || null })}
          >
            {mayChooseAll && <option value="">{t.allOrganisations}</option>}
            {organisations.map((o) => (
              <option key={o.id} value={o.id} translate={false}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="quick-periods" aria-label={t.filters}>
          {([7, 30, 90] as const).map((days) => (
            <button key={days} type="button" class="quiet" onClick={() => setReportForm(lastDays(days, form.organisationId))}>
              {days === 7 ? t.last7 : days === 30 ? t.last30 : t.last90}
            </button>
          ))}
        </fieldset>
        {filter ? (
          <a class="button" href={deskApi.slaCsvUrl(filter)} download>
            {t.downloadCsv}
          </a>
        ) : (
          <p role="alert" class="alert">
            {t.badPeriod}
          </p>
        )}
      </form>
      <section class="report-credits" aria-labelledby="credits-title">
        <h2 id="credits-title">{t.credits}</h2>
        {form.organisationId ? (
          <div class="inline-fields">
            <label>
              {t.month}
              <input type="month" required value={month} onChange={(e) => setMonth(e.currentTarget.value)} />
            </label>
            {/^\d{4}-\d{2}$/.test(month) && (
              <a href={deskApi.statementUrl(form.organisationId, month)} target="_blank" rel="noopener">
                {t.openStatement}
              </a>
            )}
          </div>
        ) : (
          <p class="muted small">{t.creditsNeedOrganisation}</p>
        )}
      </section>
    </>
  );
}
