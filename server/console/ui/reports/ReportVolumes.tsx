// The report's chats (started, closed, resolved at first contact, spared by articles) and volumes by category
// and by classroom (tickets and chats, the busiest first).
import { useStore } from '@nanostores/preact';
import type { SlaReport, VolumeEntry } from '../../../../shared/report-model';
import { texts } from '../../i18n/i18n';
import { TableHead } from '../TableHead';

const reportText = texts('reports');

export function ReportVolumes({ report }: { report: SlaReport }) {
  const t = useStore(reportText);
  const c = report.chats;
  return (
    <>
      <section aria-labelledby="report-chats-title">
        <h2 id="report-chats-title">{t.chats}</h2>
        <dl class="report-figures">
          <div>
            <dt>{t.chatsStarted}</dt>
            <dd>{c.started}</dd>
          </div>
          <div>
            <dt>{t.chatsClosed}</dt>
            <dd>{c.closed}</dd>
          </div>
          <div>
            <dt>{t.firstContact}</dt>
            <dd>
              {t.firstContactFigure({
                count: c.firstContactResolved,
                percent: c.firstContactPercent === null ? t.noFigure : `${c.firstContactPercent}%`,
              })}
            </dd>
          </div>
          <div>
            <dt>{t.deflected}</dt>
            <dd>{c.deflectedByArticles}</dd>
          </div>
        </dl>
      </section>
      <div class="report-volumes">
        <Volume title={t.byCategory} keyName={t.category} entries={report.volume.byCategory} />
        <Volume title={t.byClassroom} keyName={t.classroom} entries={report.volume.byClassroom} />
      </div>
    </>
  );
}

function Volume({ title, keyName, entries }: { title: string; keyName: string; entries: VolumeEntry[] }) {
  const t = useStore(reportText);
  return (
    <section>
      <h2>{title}</h2>
      {entries.length === 0 ? (
        <p class="muted">{t.empty}</p>
      ) : (
        <table class="admin-table" aria-label={title}>
          <TableHead columns={[keyName, t.tickets, t.chatsColumn]} />
          <tbody>
            {entries.map((e) => (
              <tr key={e.key}>
                <th scope="row" translate={false}>
                  {e.key === '(none)' ? t.noneKey : e.key}
                </th>
                <td>{e.tickets}</td>
                <td>{e.chats}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
