// Incidents at the top of Monitoring: each open one with its classroom, who and what it links, the latest update,
// a box to post one update to every affected user, and — once quality recovered — the proposal to resolve it.
import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import type { IncidentView } from '../../../../shared/incidents';
import { texts } from '../../i18n/i18n';
import { incidentApi } from '../../incident-api';
import { $incidents, $incidentsError, receiveIncident } from '../../state/incidents';
import { showTicket } from '../../state/open-ticket';
import { formatClock } from '../format';

const incidentText = texts('incident');

export function IncidentsPanel() {
  const incidents = useStore($incidents);
  const error = useStore($incidentsError);
  const t = useStore(incidentText);
  if (!incidents.length && !error) return null;
  return (
    <section class="incidents" aria-labelledby="incidents-title">
      <h2 id="incidents-title">{t.heading}</h2>
      {error && (
        <p role="alert" class="alert">
          {error}
        </p>
      )}
      <ul class="incident-list">
        {incidents.map((i) => (
          <IncidentItem key={i.ticketId} incident={i} />
        ))}
      </ul>
    </section>
  );
}

function IncidentItem({ incident: i }: { incident: IncidentView }) {
  const t = useStore(incidentText);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState<'update' | 'resolve' | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  // One id per draft: a resend after a lost answer posts nothing twice.
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const open = i.resolvedAt === null;

  const post = async (e: Event) => {
    e.preventDefault();
    if (!text.trim()) return setMessage({ error: true, text: t.updateEmpty });
    setBusy('update');
    const result = await incidentApi.postUpdate(i.ticketId, text, clientId);
    setBusy(null);
    if (!result.ok) return setMessage({ error: true, text: result.error.message });
    receiveIncident(result.data);
    setText('');
    setClientId(crypto.randomUUID());
    setMessage({ error: false, text: t.updatePosted({ users: result.data.affectedUsers }) });
  };
  const resolve = async () => {
    setBusy('resolve');
    const result = await incidentApi.resolve(i.ticketId);
    setBusy(null);
    if (!result.ok) return setMessage({ error: true, text: result.error.message });
    receiveIncident(result.data);
    setMessage({ error: false, text: t.resolvedDone });
  };

  return (
    <li class={open ? 'incident incident--open' : 'incident'} aria-labelledby={`incident-${i.ticketId}`}>
      <h3 id={`incident-${i.ticketId}`}>
        <span class="health health-incident">{t.title}</span>{' '}
        <button type="button" class="link" onClick={() => showTicket(i.ticketId)}>
          {i.number}
        </button>{' '}
        {t.classroomOf({ classroom: i.classroomId, organisation: i.organisationName })}
      </h3>
      <p class="small">
        {open ? t.openedAt({ time: formatClock(i.openedAt) }) : t.resolvedAt({ time: formatClock(i.resolvedAt as number) })} ·{' '}
        {t.links({ users: i.affectedUsers, chats: i.linkedChats, tickets: i.linkedTickets })}
      </p>
      {i.lastUpdate && (
        <p class="small">
          {t.lastUpdate({ name: i.lastUpdate.authorName, time: formatClock(i.lastUpdate.at) })} <q>{i.lastUpdate.text}</q>
        </p>
      )}
      {open && i.recoveredAt !== null && (
        <p class="incident-proposal" role="status">
          {t.recoveredProposal({ time: formatClock(i.recoveredAt) })}{' '}
          <button type="button" class="primary" disabled={busy !== null} onClick={() => void resolve()}>
            {busy === 'resolve' ? t.resolving : t.resolve}
          </button>
        </p>
      )}
      {open && (
        <form class="incident-update" onSubmit={(e) => void post(e)}>
          <label>
            {t.updateLabel}
            <textarea value={text} maxLength={2000} rows={2} onInput={(e) => setText(e.currentTarget.value)} />
          </label>
          <div class="incident-actions">
            <button type="submit" disabled={busy !== null}>
              {busy === 'update' ? t.posting : t.postUpdate}
            </button>
            {i.recoveredAt === null && (
              <button type="button" class="link" disabled={busy !== null} onClick={() => void resolve()}>
                {t.resolve}
              </button>
            )}
          </div>
        </form>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'alert small' : 'muted small'}>
          {message.text}
        </p>
      )}
    </li>
  );
}
