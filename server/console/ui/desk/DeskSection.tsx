// The account manager's desk: their organisations with health at a glance (open tickets by priority, SLA at
// risk and breached, classrooms, satisfaction, the next check-in and launch), and one organisation opened
// below with its check-ins and launch windows.
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import type { DeskOrganisation } from '../../../../shared/desk';
import { texts } from '../../i18n/i18n';
import { $desk, $deskChosen, chooseOrganisation, watchDesk } from '../../state/desk';
import { formatFull } from '../format';
import { TableHead } from '../TableHead';
import { OrganisationDesk } from './OrganisationDesk';
import './desk.css';

const deskText = texts('desk');

export function DeskSection() {
  const { organisations, error } = useStore($desk);
  const chosen = useStore($deskChosen);
  const t = useStore(deskText);
  useEffect(() => watchDesk(), []);
  return (
    <main class="page desk" aria-labelledby="desk-title">
      <h1 id="desk-title">{t.title}</h1>
      <p class="muted small">{t.lead}</p>
      {error && (
        <p role="alert" class="alert">
          {error}
        </p>
      )}
      {organisations === null ? (
        !error && <p role="status">{t.loading}</p>
      ) : organisations.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table class="admin-table desk-table" aria-label={t.organisations}>
          <TableHead
            columns={[t.organisation, t.openTickets, t.atRisk, t.breached, t.classrooms, t.satisfaction, t.nextCheckIn, t.launch, '']}
            hidden={{ 8: t.open }}
          />
          <tbody>
            {organisations.map((o) => (
              <OrganisationRow key={o.id} org={o} chosen={o.id === chosen} />
            ))}
          </tbody>
        </table>
      )}
      {chosen && <OrganisationDesk />}
    </main>
  );
}

function OrganisationRow({ org, chosen }: { org: DeskOrganisation; chosen: boolean }) {
  const t = useStore(deskText);
  const h = org.health;
  return (
    <tr aria-selected={chosen} class={h.breached > 0 ? 'breached' : h.atRisk > 0 ? 'at-risk' : ''}>
      <th scope="row">
        <span translate={false}>{org.name}</span>
        <div class="muted small">{org.plan ? <span translate={false}>{org.plan.name}</span> : t.defaultPolicy}</div>
      </th>
      <td>{t.openByPriority({ p1: h.openTickets.P1, p2: h.openTickets.P2, p3: h.openTickets.P3, p4: h.openTickets.P4 })}</td>
      <td>
        <span class={h.atRisk ? 'count warn' : 'count'}>{h.atRisk}</span>
      </td>
      <td>
        <span class={h.breached ? 'count bad' : 'count'}>{h.breached}</span>
      </td>
      <td>
        {h.classrooms.reporting === 0 ? t.classroomsNone : t.classroomsHealth({ degraded: h.classrooms.degraded, reporting: h.classrooms.reporting })}
        {h.classrooms.incidents > 0 && <div class="count bad">{t.incidents({ count: h.classrooms.incidents })}</div>}
        {h.openIncidents > 0 && <div class="count bad">{t.openIncidents({ count: h.openIncidents })}</div>}
      </td>
      <td>
        {h.satisfaction.average === null
          ? t.satisfactionNone
          : t.satisfactionFigures({ average: h.satisfaction.average.toFixed(1), ratings: h.satisfaction.ratings })}
      </td>
      <td>{org.nextCheckIn ? formatFull(org.nextCheckIn.at) : t.noneYet}</td>
      <td>
        {!org.launchWindow ? (
          t.noneYet
        ) : org.launchActive ? (
          <span class="launch-now">{t.launchNow({ title: org.launchWindow.title })}</span>
        ) : (
          t.launchNext({ title: org.launchWindow.title, when: formatFull(org.launchWindow.startsAt) })
        )}
      </td>
      <td>
        <button type="button" class="link" aria-label={t.openNamed({ name: org.name })} onClick={() => chooseOrganisation(org.id)}>
          {t.open}
        </button>
      </td>
    </tr>
  );
}
