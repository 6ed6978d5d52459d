// One ticket: number and subject, status / priority / assignee controls, SLA clocks, call-backs, the problem,
// files, the timeline, and the Reply and internal-note boxes.
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { STAFF_MOVES, TICKET_PRIORITIES, TICKET_STATUSES, type TicketDetail, type TicketStatus } from '../../../../shared/ticket-model';
import { $second } from '../../state/countdown';
import { $me } from '../../state/me';
import { $openTicket, $ticketView, changeTicket, closeTicketView } from '../../state/open-ticket';
import { takeCallback } from '../../state/ticket-alerts';
import { ticketsApi, type Assignee } from '../../tickets-api';
import { formatFull, writtenText } from '../format';
import { TicketComposer } from './TicketComposer';
import { TicketDetails } from './TicketDetails';
import { TicketFiles } from './TicketFiles';
import { TicketTimeline } from './TicketTimeline';
import { RatingNote } from '../RatingNote';
import { TicketPages } from './TicketPages';
import { channelName, clockLine, levelName, priorityOption, statusName } from './ticket-format';
import { texts } from '../../i18n/i18n';
import { IncidentTag } from '../monitoring/IncidentTag';

const ticketText = texts('tickets');

export function TicketView() {
  const ticket = useStore($openTicket);
  const view = useStore($ticketView);
  const t = useStore(ticketText);
  if (!ticket) {
    return (
      <section class="ticket-view ticket-view--empty" aria-label={t.ticket}>
        {view.opening ? (
          <p role="status">{t.loadingTicket}</p>
        ) : view.error ? (
          <p class="alert" role="alert">
            {view.error}
          </p>
        ) : (
          <p class="muted">{t.choose}</p>
        )}
      </section>
    );
  }
  return <OpenTicket ticket={ticket} />;
}

function OpenTicket({ ticket }: { ticket: TicketDetail }) {
  const view = useStore($ticketView);
  const t = useStore(ticketText);
  const closed = ticket.status === 'closed';
  useEffect(() => {
    document.getElementById('ticket-title')?.focus();
  }, [ticket.id]);
  return (
    <section class="ticket-view" aria-labelledby="ticket-title">
      <header class="ticket-head">
        <button type="button" class="quiet back" onClick={closeTicketView}>
          <span aria-hidden="true">←</span> <span class="sr-only">{t.backTo}</span>
          {t.section}
        </button>
        <h2 id="ticket-title" tabIndex={-1}>
          <span class="ticket-number">{ticket.number}</span> {ticket.kind === 'incident' && <IncidentTag />} {writtenText(ticket.subject)}
        </h2>
        <p class="muted small">
          {t.origin({ channel: channelName(ticket.channel), time: formatFull(ticket.createdAt), level: levelName(ticket.level) })}
        </p>
      </header>
      <TicketControls ticket={ticket} />
      {view.error && (
        <p class="alert" role="alert">
          {view.error}
        </p>
      )}
      <SlaPanel ticket={ticket} />
      <Callbacks ticket={ticket} />
      <TicketPages ticketId={ticket.id} changedAt={ticket.updatedAt} />
      <div class="ticket-body">
        <div class="ticket-main">
          <TicketTimeline events={ticket.events} />
          {(ticket.status === 'resolved' || ticket.status === 'closed') && <RatingNote kind="ticket" id={ticket.id} />}
          <TicketComposer ticketId={ticket.id} closed={closed} />
        </div>
        <aside class="ticket-side" aria-label={t.details}>
          <TicketDetails ticket={ticket} />
          <TicketFiles ticketId={ticket.id} attachments={ticket.attachments} closed={closed} />
        </aside>
      </div>
    </section>
  );
}

function TicketControls({ ticket }: { ticket: TicketDetail }) {
  const view = useStore($ticketView);
  const me = useStore($me);
  const t = useStore(ticketText);
  const [assignees, setAssignees] = useState<Assignee[]>([]);
  useEffect(() => {
    void ticketsApi.assignees().then((r) => r.ok && setAssignees(r.data));
  }, []);
  const closed = ticket.status === 'closed';
  const busy = view.saving || closed;
  return (
    <div class="ticket-controls">
      <label>
        {t.status}
        <select value={ticket.status} disabled={busy} onChange={(e) => void changeTicket({ status: e.currentTarget.value as TicketStatus })}>
          {TICKET_STATUSES.filter((s) => s === ticket.status || STAFF_MOVES[ticket.status].includes(s)).map((s) => (
            <option key={s} value={s}>
              {statusName(s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.priority}
        <select
          value={ticket.priority}
          disabled={busy}
          onChange={(e) => void changeTicket({ priority: e.currentTarget.value as TicketDetail['priority'] })}
        >
          {TICKET_PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {priorityOption(p)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.assignee}
        <select value={ticket.assignee?.id ?? ''} disabled={busy} onChange={(e) => void changeTicket({ assigneeId: e.currentTarget.value || null })}>
          <option value="">{t.unassigned}</option>
          {/* The current assignee stays listed even if deactivated since. */}
          {ticket.assignee && !assignees.some((a) => a.id === ticket.assignee?.id) && (
            <option value={ticket.assignee.id}>{ticket.assignee.name}</option>
          )}
          {assignees.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({levelName(a.tier)})
            </option>
          ))}
        </select>
      </label>
      {me && ticket.assignee?.id !== me.id && !closed && (
        <button type="button" onClick={() => void changeTicket({ assigneeId: me.id })} disabled={view.saving}>
          {t.assignToMe}
        </button>
      )}
      {view.saving && (
        <span class="muted small" role="status">
          {t.saving}
        </span>
      )}
    </div>
  );
}

function SlaPanel({ ticket }: { ticket: TicketDetail }) {
  const now = useStore($second);
  const t = useStore(ticketText);
  const rows = [
    [t.firstResponse, ticket.sla.firstResponse],
    [t.resolution, ticket.sla.resolution],
  ] as const;
  return (
    <section class="ticket-sla" aria-label={t.sla}>
      {rows.map(([label, clock]) => {
        const line = clockLine(clock, now);
        return (
          <p key={label} class={`sla-clock countdown--${line.tone}`}>
            <span class="sla-label">{label}</span> <span class="sla-value">{line.text}</span>
          </p>
        );
      })}
      {ticket.sla.paused && <p class="muted small">{t.paused}</p>}
    </section>
  );
}

function Callbacks({ ticket }: { ticket: TicketDetail }) {
  const waiting = ticket.callbacks.filter((c) => c.acknowledgedAt === null);
  const t = useStore(ticketText);
  if (ticket.callbacks.length === 0) return null;
  return (
    <section class={waiting.length ? 'ticket-callbacks ticket-callbacks--open' : 'ticket-callbacks'} aria-label={t.callbacks}>
      {ticket.callbacks.map((c) => (
        <p key={c.id} role={c.acknowledgedAt === null ? 'alert' : undefined}>
          {c.acknowledgedAt === null ? t.callbackRequested : t.calledBackBy({ name: c.acknowledgedBy ?? '' })}
          <a href={`tel:${c.phone.replace(/[^+\d]/g, '')}`}>{c.phone}</a> ({c.preferredTime}){t.askedAt({ time: formatFull(c.createdAt) })}
          {c.acknowledgedAt === null && (
            <button
              type="button"
              class="primary"
              onClick={() => void takeCallback({ id: c.id, phone: c.phone, preferredTime: c.preferredTime, createdAt: c.createdAt, ticket })}
            >
              {t.illCall}
            </button>
          )}
        </p>
      ))}
    </section>
  );
}
