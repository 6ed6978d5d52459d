// Monitoring: open incidents first, then every classroom whose users report quality, with live health (degraded
// first), and the chosen classroom's chart of RTT and loss over the last 30 minutes with its affected users.
// Admins edit the rules. Every word from the `monitoring` part of the console's dictionaries.
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import type { ClassroomHealth } from '../../../../shared/quality';
import { texts } from '../../i18n/i18n';
import { $incidents, loadIncidents } from '../../state/incidents';
import { figures } from './quality-format';
import { $me } from '../../state/me';
import { $classroomDetail, $classrooms, $monitoringError, $selectedClassroom, selectClassroom, watchMonitoring } from '../../state/monitoring';
import { formatClock } from '../format';
import { TableHead } from '../TableHead';
import { ClassroomChart } from './ClassroomChart';
import { IncidentsPanel } from './IncidentsPanel';
import { QualityRulesAdmin } from './QualityRulesAdmin';
import './monitoring.css';

const monitoringText = texts('monitoring');
const incidentText = texts('incident');

export function MonitoringSection() {
  const classrooms = useStore($classrooms);
  const error = useStore($monitoringError);
  const selected = useStore($selectedClassroom);
  const me = useStore($me);
  const t = useStore(monitoringText);
  useEffect(() => watchMonitoring(), []);
  useEffect(() => void loadIncidents(), []);
  return (
    <main class="monitoring" aria-labelledby="monitoring-title">
      <h1 id="monitoring-title">{t.title}</h1>
      <p class="muted small">{t.lead}</p>
      {error && (
        <p role="alert" class="alert">
          {error}
        </p>
      )}
      <IncidentsPanel />
      {classrooms === null ? (
        <p role="status">{t.loading}</p>
      ) : classrooms.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table class="admin-table monitoring-table" aria-label={t.classrooms}>
          <TableHead columns={[t.classroom, t.organisation, t.health, t.usersAffected, t.lastMinute, '']} hidden={{ 5: t.actions }} />
          <tbody>
            {classrooms.map((c) => (
              <ClassroomRow
                key={`${c.organisationId}/${c.classroomId}`}
                classroom={c}
                chosen={selected?.organisationId === c.organisationId && selected.classroomId === c.classroomId}
              />
            ))}
          </tbody>
        </table>
      )}
      {selected && <ClassroomDetailView />}
      {me?.role === 'admin' && <QualityRulesAdmin />}
    </main>
  );
}

function ClassroomRow({ classroom: c, chosen }: { classroom: ClassroomHealth; chosen: boolean }) {
  const t = useStore(monitoringText);
  const i = useStore(incidentText);
  const incident = useStore($incidents).find(
    (x) => x.resolvedAt === null && x.organisationId === c.organisationId && x.classroomId === c.classroomId,
  );
  return (
    <tr class={c.health === 'degraded' ? 'degraded' : ''} aria-selected={chosen}>
      <th scope="row" translate={false}>
        {c.classroomId}
      </th>
      <td translate={false}>{c.organisationName}</td>
      <td>
        <span class={`health health-${c.health}`}>{c.health === 'degraded' ? t.degraded : t.good}</span>
        {(incident || c.incidentCondition) && <span class="health health-incident">{incident ? `${i.title} ${incident.number}` : i.title}</span>}
      </td>
      <td>{t.affectedOf({ degraded: c.degradedUsers, reporting: c.reportingUsers })}</td>
      <td>{figures(c.lastMinute)}</td>
      <td>
        <button
          type="button"
          class="link"
          aria-label={t.showClassroom({ classroom: c.classroomId })}
          onClick={() => selectClassroom(c.organisationId, c.classroomId)}
        >
          {t.show}
        </button>
      </td>
    </tr>
  );
}

function ClassroomDetailView() {
  const detail = useStore($classroomDetail);
  const selected = useStore($selectedClassroom);
  const t = useStore(monitoringText);
  if (!selected) return null;
  const live = detail?.live;
  return (
    <section class="classroom-detail" aria-labelledby="classroom-detail-title">
      <h2 id="classroom-detail-title">{t.classroomTitle({ classroom: selected.classroomId })}</h2>
      {!detail ? (
        <p role="status">{t.loading}</p>
      ) : !live ? (
        <p>{t.noLive({ minutes: detail.minutes.length })}</p>
      ) : (
        <>
          <p>
            {t.since({
              health: live.health === 'degraded' ? t.degraded : t.good,
              time: formatClock(live.since),
              figures: figures(live.lastFiveMinutes),
            })}
          </p>
          <ClassroomChart points={live.chart ?? []} classroomId={live.classroomId} />
          <h3>{t.affectedUsers}</h3>
          {live.affected.length === 0 ? (
            <p>{t.nobodyDegraded}</p>
          ) : (
            <ul class="affected" aria-label={t.affectedUsers}>
              {live.affected.map((a) => (
                <li key={a.endUserId}>
                  <strong translate={false}>{a.name}</strong>
                  {a.role ? ` (${a.role === 'teacher' ? t.teacher : t.student})` : ''} —{' '}
                  {t.affectedSince({ time: formatClock(a.since), figures: figures(a.lastMinute) })}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
