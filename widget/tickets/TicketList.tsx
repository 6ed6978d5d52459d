// The visitor's tickets: number, status in their words, priority, engineer, what is due next; newest activity first.
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import { $list, loadList, navigate } from './state';
import { nextStep } from './format';

export function TicketList() {
  const list = useStore($list);
  useEffect(() => void loadList(), []);
  return (
    <div class="tk-screen">
      <div class="tk-bar">
        <h3 id="tk-title" tabIndex={-1}>
          Your tickets
        </h3>
        <button type="button" class="send" onClick={() => navigate({ view: 'new' })}>
          New ticket
        </button>
      </div>
      <div class="tk-scroll">
        {!list.loaded && <p class="status">Loading your tickets…</p>}
        {list.error && (
          <p class="status error" role="alert">
            {list.error}
          </p>
        )}
        {list.loaded && list.tickets.length === 0 && !list.error && (
          <p class="tk-empty">No tickets yet. When a problem cannot be solved in a chat, a ticket follows it here until it is fixed.</p>
        )}
        <ul class="tk-list">
          {list.tickets.map((t) => (
            <li key={t.id}>
              <button type="button" class="tk-row" onClick={() => navigate({ view: 'ticket', ticketId: t.id })}>
                <span class="tk-row-top">
                  <span class="tk-num">{t.number}</span>
                  <span class={`tk-tag tk-tag--${t.status}`}>{t.statusLabel}</span>
                  <span class="tk-tag">{t.priority}</span>
                  {t.unread > 0 && <span class="tk-new">{t.unread} new</span>}
                </span>
                <span class="tk-subject">{t.subject}</span>
                <span class="tk-meta">{t.engineerName ? `Engineer: ${t.engineerName}` : 'Waiting for an engineer'}</span>
                {nextStep(t) && <span class="tk-meta">{nextStep(t)}</span>}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
