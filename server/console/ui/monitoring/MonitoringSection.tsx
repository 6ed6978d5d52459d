// Monitoring: every classroom whose users report quality, with live health (degraded first), and the chosen
// classroom's chart of RTT and loss over the last 30 minutes with its affected users. Admins edit the rules.
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import type { ClassroomHealth } from '../../../../shared/quality';
import { figures } from './quality-format';
import { $me } from '../../state/me';
import { $classroomDetail, $classrooms, $monitoringError, $selectedClassroom, selectClassroom, watchMonitoring } from '../../state/monitoring';
import { TableHead } from '../TableHead';
import { ClassroomChart } from './ClassroomChart';
import { QualityRulesAdmin } from './QualityRulesAdmin';
import './monitoring.css';


export function MonitoringSection() {
  const classrooms = useStore($classrooms);
  const error = useStore($monitoringError);
  const selected = useStore($selectedClassroom);
  const me = useStore($me);
  useEffect(() => watchMonitoring(), []);
  return (
    <main class="monitoring" aria-labelledby="monitoring-title">
      <h1 id="monitoring-title">Monitoring</h1>
      <p class="muted small">Live quality of the classes, as the widgets report it. Refreshed every 5 seconds.</p>
      {error && (
        <p role="alert" class="alert">
          {error}
        </p>
      )}
      {classrooms === null ? (
        <p role="status">Loading…</p>
      ) : classrooms.length === 0 ? (
        <p>No classroom is reporting quality right now.</p>
      ) : (
        <table class="admin-table monitoring-table" aria-label="Classrooms">
          <TableHead columns={['Classroom', 'Organisation', 'Health', 'Users affected', 'Last minute', '']} hidden={{ 5: 'Actions' }} />
          <tbody>
            {classrooms.map((c) => (
              <ClassroomRow key={`${c.organisationId}/${c.classroomId}`} classroom={c} chosen={selected?.organisationId === c.organisationId && selected.classroomId === c.classroomId} />
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
  return (
    <tr class={c.health === 'degraded' ? 'degraded' : ''} aria-selected={chosen}>
      <th scope="row">{c.classroomId}</th>
      <td>{c.organisationName}</td>
      <td>
        <span class={`health health-${c.health}`}>{c.health === 'degraded' ? 'Degraded' : 'Good'}</span>
        {c.incidentCondition && <span class="health health-incident">Incident</span>}
      </td>
      <td>
        {c.degradedUsers} of {c.reportingUsers}
      </td>
      <td>{figures(c.lastMinute)}</td>
      <td>
        <button type="button" class="link" aria-label={`Show ${c.classroomId}`} onClick={() => selectClassroom(c.organisationId, c.classroomId)}>
          Show
        </button>
      </td>
    </tr>
  );
}

function ClassroomDetailView() {
  const detail = useStore($classroomDetail);
  const selected = useStore($selectedClassroom);
  if (!selected) return null;
  const live = detail?.live;
  return (
    <section class="classroom-detail" aria-labelledby="classroom-detail-title">
      <h2 id="classroom-detail-title">Classroom {selected.classroomId}</h2>
      {!detail ? (
        <p role="status">Loading…</p>
      ) : !live ? (
        <p>No reports in the last minutes; stored minutes: {detail.minutes.length}.</p>
      ) : (
        <>
          <p>
            {live.health === 'degraded' ? 'Degraded' : 'Good'} since {new Date(live.since).toLocaleTimeString()} · last 5 minutes: {figures(live.lastFiveMinutes)}
          </p>
          <ClassroomChart points={live.chart ?? []} classroomId={live.classroomId} />
          <h3>Affected users</h3>
          {live.affected.length === 0 ? (
            <p>Nobody’s connection is degraded.</p>
          ) : (
            <ul class="affected" aria-label="Affected users">
              {live.affected.map((a) => (
                <li key={a.endUserId}>
                  <strong>{a.name}</strong>
                  {a.role ? ` (${a.role})` : ''} — since {new Date(a.since).toLocaleTimeString()}: {figures(a.lastMinute)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
