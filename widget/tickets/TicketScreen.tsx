// One ticket as the visitor follows it: status, priority, engineer, what is due next, the public replies and
// history, files, and a reply box. Urgent (P1) tickets show the hotline and the call-back request.
import { useStore } from '@nanostores/preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { TICKET_LIMITS } from '../../shared/ticket-limits';
import type { VisitorTicketDetail, VisitorTicketEvent } from '../../shared/ticket-model';
import { listText, ticketText } from './messages';
import { CallbackRequest, Hotline } from './Emergency';
import { Files } from './Files';
import { nextStep, when } from './format';
import { $open, $replies, navigate, openTicket, replyOf, requestCallback, sendReply, setReply, widgetLocale } from './state';
import { renderNotice } from '../../shared/notices/render';

export function TicketScreen({ ticketId, server }: { ticketId: string; server: string }) {
  const open = useStore($open);
  const t = useStore(ticketText);
  useEffect(() => void openTicket(ticketId), [ticketId]);
  const ticket = open.ticket?.id === ticketId ? open.ticket : null;
  return (
    <div class="tk-screen">
      <div class="tk-bar">
        <button type="button" class="back" onClick={() => navigate({ view: 'list' })}>
          {t.back}
        </button>
      </div>
      {open.error && (
        <p class="status error" role="alert">
          {open.error}
        </p>
      )}
      {!ticket ? !open.error && <p class="status">{t.loading}</p> : <OpenTicket ticket={ticket} server={server} />}
    </div>
  );
}

function OpenTicket({ ticket, server }: { ticket: VisitorTicketDetail; server: string }) {
  const step = nextStep(ticket);
  const t = useStore(ticketText);
  const list = useStore(listText);
  const closed = ticket.status === 'closed';
  const callback = ticket.callbacks.at(-1) ?? null;
  const scroller = useRef<HTMLDivElement>(null);
  const history = useRef<HTMLDivElement>(null);
  // Opened, or grown by a new entry: the newest entry shows at the bottom of the view, not below the fold.
  useLayoutEffect(() => {
    const box = scroller.current;
    const log = history.current;
    if (box && log) box.scrollTop = Math.max(0, log.offsetTop + log.offsetHeight - box.clientHeight + 12);
  }, [ticket.id, ticket.events.length]);
  return (
    <>
      <div class="tk-scroll" ref={scroller}>
        <div class="tk-head">
          <h3 id="tk-title" tabIndex={-1}>
            <span class="tk-num" translate={false}>
              {ticket.number}
            </span>{' '}
            <span translate={false}>{ticket.subject}</span>
          </h3>
          <dl class="tk-facts">
            <dt>{t.status}</dt>
            <dd>{list[ticket.status]}</dd>
            <dt>{t.priority}</dt>
            <dd>
              {ticket.priority} · {t[ticket.priority]}
            </dd>
            <dt>{t.engineer}</dt>
            <dd translate={!ticket.engineerName}>{ticket.engineerName ?? list.noEngineer}</dd>
            {step && (
              <>
                <dt>{t.next}</dt>
                <dd>{step}</dd>
              </>
            )}
          </dl>
        </div>
        {ticket.priority === 'P1' && !closed && (
          <section class="tk-urgent" aria-label={t.urgent}>
            <Hotline hotline={ticket.hotline} />
            <CallbackRequest pending={callback} onRequest={(f) => requestCallback(ticket.id, f.phone, f.preferredTime)} />
          </section>
        )}
        <div class="tk-history" role="log" aria-label={t.history} ref={history}>
          {ticket.events.map((event) => (
            <HistoryEntry key={event.seq} event={event} />
          ))}
        </div>
        <Files ticketId={ticket.id} server={server} attachments={ticket.attachments} canAttach={!closed} />
      </div>
      <ReplyBox ticket={ticket} />
    </>
  );
}

function HistoryEntry({ event }: { event: VisitorTicketEvent }) {
  if (event.kind !== 'reply') {
    return (
      <p class="msg system">
        {event.notice ? renderNotice(event.notice, widgetLocale()) : event.text} <span class="tk-time">{when(event.createdAt)}</span>
      </p>
    );
  }
  return (
    <div class={event.fromSupport ? 'msg agent' : 'msg own'}>
      {event.fromSupport && (
        <span class="who" translate={false}>
          {event.authorName}
        </span>
      )}
      <span translate={false}>{event.text}</span>
      <span class="meta">{when(event.createdAt)}</span>
    </div>
  );
}

function ReplyBox({ ticket }: { ticket: VisitorTicketDetail }) {
  const draft = replyOf(useStore($replies), ticket.id);
  const t = useStore(ticketText);
  const send = (event: Event) => {
    event.preventDefault();
    void sendReply(ticket.id);
  };
  return (
    <form class="tk-reply" onSubmit={send}>
      {ticket.status === 'closed' && <p class="tk-meta">{t.closedNote}</p>}
      {draft.error && (
        <p class="tk-error" role="alert">
          {t.notSent({ error: draft.error })}
        </p>
      )}
      <div class="tk-reply-row">
        <textarea
          aria-label={t.reply}
          placeholder={t.replyPlaceholder}
          rows={1}
          maxLength={TICKET_LIMITS.reply}
          value={draft.text}
          onInput={(event) => setReply(ticket.id, event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) send(event);
          }}
        />
        <button type="submit" class="send" disabled={!draft.text.trim() || draft.sending}>
          {t.send}
        </button>
      </div>
    </form>
  );
}
