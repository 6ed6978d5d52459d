// The supervisor's satisfaction figures: ratings per organisation and per agent over the last 30 days, and
// the latest comments.
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import type { SatisfactionTally } from '../../../shared/satisfaction';
import { texts } from '../i18n/i18n';
import { $satisfactionFigures, loadSatisfactionFigures } from '../state/satisfaction';
import { stars } from './RatingNote';
import { TableHead } from './TableHead';

const average = (t: SatisfactionTally) => (t.average === null ? '—' : t.average.toFixed(2));
const satisfied = (t: SatisfactionTally) => (t.satisfiedPct === null ? '—' : `${t.satisfiedPct}%`);

function TallyRows({ rows }: { rows: Array<SatisfactionTally & { id: string; name: string }> }) {
  return (
    <tbody>
      {rows.map((row) => (
        <tr key={row.id}>
          <th scope="row">{row.name}</th>
          <td>{row.ratings}</td>
          <td>{average(row)}</td>
          <td>{satisfied(row)}</td>
        </tr>
      ))}
    </tbody>
  );
}

const supervisorText = texts('supervisor');

export function SatisfactionPanel() {
  const { figures, error } = useStore($satisfactionFigures);
  const t = useStore(supervisorText);
  useEffect(() => {
    void loadSatisfactionFigures();
  }, []);
  const columns = ['', t.csatRatings, t.csatAverage, t.csatSatisfied];
  return (
    <section aria-labelledby="csat-title" class="card panel">
      <h2 id="csat-title">{t.csatTitle}</h2>
      {error && (
        <p role="alert" class="alert">
          {error}
        </p>
      )}
      {!figures ? (
        !error && <p role="status">{t.csatLoading}</p>
      ) : figures.organisations.length === 0 ? (
        <p class="muted">{t.csatNone}</p>
      ) : (
        <>
          <table aria-label={t.csatPerOrganisation}>
            <TableHead columns={columns} hidden={{ 0: t.csatOrganisation }} />
            <TallyRows rows={figures.organisations.map((o) => ({ ...o, id: o.organisationId }))} />
          </table>
          <table aria-label={t.csatPerAgent}>
            <TableHead columns={columns} hidden={{ 0: t.csatAgent }} />
            <TallyRows rows={figures.agents.map((a) => ({ ...a, id: a.agentId }))} />
          </table>
          {figures.comments.length > 0 && (
            <ul class="csat-comments" aria-label={t.csatComments}>
              {figures.comments.map((c) => (
                <li key={`${c.kind}:${c.subjectId}`}>
                  <span aria-hidden="true">{stars(c.score)}</span> <span class="sr-only">{t.csatScore({ score: String(c.score) })}</span> “{c.comment}
                  ” — {c.organisationName}
                  {c.agentName ? `, ${c.agentName}` : ''}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
