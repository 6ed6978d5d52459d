// The visitor's tickets: number, status in their words, priority, engineer, what is due next; newest activity first.
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import { $list, loadList, navigate } from './state';
import { nextStep } from './format';
import { listText } from './messages';

export function TicketList() {
  const list = useStore($list);
  const t = useStore(listText);
  useEffect(() => void loadList(), []);
  return (
    <div class="tk-screen">
      <div class="tk-bar">
        <h3 id="tk-title" tabIndex={-1}>
          {t.title}
        </h3>
        <button type="button" class="send" onClick={() => navigate({ view: 'new' })}>
          {t.newTicket}
        </button>
      </div>
      <div class="tk-scroll">
        {!list.loaded && <p class="status">{t.loading}</p>}
        {list.error && (
          <p class="status error" role="alert">
            {list.error}
          </p>
        )}
        {list.loaded && list.tickets.length === 0 && !list.error && <p class="tk-empty">{t.empty}</p>}
        <ul class="tk-list">
          {list.tickets.map((ticket) => (
            <li key={ticket.id}>
              <button type="button" class="tk-row" onClick={() => navigate({ view: 'ticket', ticketId: ticket.id })}>
                <span class="tk-row-top">
                  <span class="tk-num" translate={false}>
                    {ticket.number}
                  </span>
                  <span class={`tk-tag tk-tag--${ticket.status}`}>{t[ticket.status]}</span>
                  <span class="tk-tag">{ticket.priority}</span>
                  {ticket.unread > 0 && <span class="tk-new">{t.unread({ count: ticket.unread })}</span>}
                </span>
                <span class="tk-subject" translate={false}>
                  {ticket.subject}
                </span>
                <span class="tk-meta">{ticket.engineerName ? t.engineer({ name: ticket.engineerName }) : t.noEngineer}</span>
                {nextStep(ticket) && <span class="tk-meta">{nextStep(ticket)}</span>}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
