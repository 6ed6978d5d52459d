// The Tickets list: filters (status, priority, assignee, at risk, breached) and rows sorted by the next deadline,
// each with a live countdown.
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketSummary } from '../../../../shared/ticket-model';
import { texts } from '../../i18n/i18n';
import { $second } from '../../state/countdown';
import { $openTicket, openTicket } from '../../state/open-ticket';
import { $ticketList, $ticketQuery, $tickets, loadTickets, setTicketQuery } from '../../state/ticket-list';
import { ticketsApi, type Assignee, type TicketQuery } from '../../tickets-api';
import { clockLine, statusName } from './ticket-format';
import { personName, writtenText } from '../format';
import { IncidentTag } from '../monitoring/IncidentTag';

const ticketText = texts('tickets');

export function TicketList() {
  const tickets = useStore($tickets);
  const list = useStore($ticketList);
  const t = useStore(ticketText);
  useEffect(() => {
    if (!$ticketList.get().loaded) void loadTickets();
  }, []);
  return (
    <nav class="ticket-list" aria-label={t.section}>
      <TicketFilters />
      <p class="ticket-count muted small" role="status">
        {list.loading && !list.loaded ? t.loadingList : tickets.length === 1 ? t.countOne : t.count({ count: tickets.length })}
      </p>
      {list.error && (
        <p class="alert" role="alert">
          {list.error}{' '}
          <button type="button" class="link" onClick={() => void loadTickets()}>
            {t.tryAgain}
          </button>
        </p>
      )}
      {list.loaded && tickets.length === 0 && !list.error && <p class="empty">{t.noneMatch}</p>}
      <ul>
        {tickets.map((ticket) => (
          <li key={ticket.id}>
            <TicketRow ticket={ticket} />
          </li>
        ))}
      </ul>
    </nav>
  );
}

function TicketFilters() {
  const q = useStore($ticketQuery);
  const t = useStore(ticketText);
  const [assignees, setAssignees] = useState<Assignee[]>([]);
  useEffect(() => {
    void ticketsApi.assignees().then((r) => r.ok && setAssignees(r.data));
  }, []);
  const sla = (value: TicketQuery['sla'], checked: boolean) => setTicketQuery({ sla: checked ? value : '' });
  return (
    <fieldset class="ticket-filters">
      <legend class="sr-only">{t.filter}</legend>
      <label>
        {t.status}
        <select value={q.status} onChange={(e) => setTicketQuery({ status: e.currentTarget.value as TicketQuery['status'] })}>
          <option value="active">{t.active}</option>
          {TICKET_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusName(s)}
            </option>
          ))}
          <option value="all">{t.all}</option>
        </select>
      </label>
      <label>
        {t.priority}
        <select value={q.priority} onChange={(e) => setTicketQuery({ priority: e.currentTarget.value as TicketQuery['priority'] })}>
          <option value="">{t.any}</option>
          {TICKET_PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.assignee}
        <select value={q.assignee} onChange={(e) => setTicketQuery({ assignee: e.currentTarget.value })}>
          <option value="">{t.anyone}</option>
          <option value="me">{t.me}</option>
          <option value="unassigned">{t.unassigned}</option>
          {assignees.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label class="check">
        <input type="checkbox" checked={q.sla === 'atRisk'} onChange={(e) => sla('atRisk', e.currentTarget.checked)} />
        {t.atRisk}
      </label>
      <label class="check">
        <input type="checkbox" checked={q.sla === 'breached'} onChange={(e) => sla('breached', e.currentTarget.checked)} />
        {t.breached}
      </label>
    </fieldset>
  );
}

function TicketRow({ ticket }: { ticket: TicketSummary }) {
  const open = useStore($openTicket);
  const now = useStore($second);
  const t = useStore(ticketText);
  const awaitingResponse = ticket.sla.firstResponse.metAt === null;
  const line = clockLine(awaitingResponse ? ticket.sla.firstResponse : ticket.sla.resolution, now);
  return (
    <button type="button" class="ticket-row" aria-current={open?.id === ticket.id ? 'true' : undefined} onClick={() => void openTicket(ticket.id)}>
      <span class="ticket-row-top">
        <span class="ticket-number">{ticket.number}</span>
        <span class={`priority priority--${ticket.priority}`}>{ticket.priority}</span>
        {ticket.kind === 'incident' && <IncidentTag />}
        <span class={`tag tag--${ticket.status}`}>{statusName(ticket.status)}</span>
        {ticket.sla.state !== 'ok' && <span class={`tag tag--${ticket.sla.state}`}>{ticket.sla.state === 'at_risk' ? t.atRisk : t.breached}</span>}
        {ticket.openCallbacks > 0 && <span class="tag tag--breached">{t.callBack}</span>}
      </span>
      <span class="ticket-row-subject">{writtenText(ticket.subject)}</span>
      <span class="ticket-row-meta">
        <span>{ticket.requester ? personName(ticket.requester.name) : ticket.organisation.name}</span>
        <span>{ticket.assignee?.name ?? t.unassigned}</span>
      </span>
      <span class={`countdown countdown--${line.tone}`}>{(awaitingResponse ? t.firstResponseLine : t.resolutionLine)({ line: line.text })}</span>
    </button>
  );
}
