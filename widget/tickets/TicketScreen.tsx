// One ticket as the visitor follows it: status, priority, engineer, what is due next, the public replies and
// history, files, and a reply box. Urgent (P1) tickets show the hotline and the call-back request.
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import { TICKET_LIMITS } from '../../shared/ticket-limits';
import { PRIORITY_NAME, type VisitorTicketDetail, type VisitorTicketEvent } from '../../shared/ticket-model';
import { CallbackRequest, Hotline } from './Emergency';
import { Files } from './Files';
import { nextStep, when } from './format';
import { $open, $replies, navigate, openTicket, replyOf, requestCallback, sendReply, setReply, widgetLocale } from './state';
import { renderNotice } from '../../shared/notices/render';

export function TicketScreen({ ticketId, server }: { ticketId: string; server: string }) {
  const open = useStore($open);
  useEffect(() => void openTicket(ticketId), [ticketId]);
  const ticket = open.ticket?.id === ticketId ? open.ticket : null;
  return (
    <div class="tk-screen">
      <div class="tk-bar">
        <button type="button" class="back" onClick={() => navigate({ view: 'list' })}>
          ← Back to the list
        </button>
      </div>
      {open.error && (
        <p class="status error" role="alert">
          {open.error}
        </p>
      )}
      {!ticket ? !open.error && <p class="status">Loading the ticket…</p> : <OpenTicket ticket={ticket} server={server} />}
    </div>
  );
}

function OpenTicket({ ticket, server }: { ticket: VisitorTicketDetail; server: string }) {
  const step = nextStep(ticket);
  const closed = ticket.status === 'closed';
  const callback = ticket.callbacks.at(-1) ?? null;
  return (
    <>
      <div class="tk-scroll">
        <div class="tk-head">
          <h3 id="tk-title" tabIndex={-1}>
            <span class="tk-num">{ticket.number}</span> {ticket.subject}
          </h3>
          <dl class="tk-facts">
            <dt>Status</dt>
            <dd>{ticket.statusLabel}</dd>
            <dt>Priority</dt>
            <dd>
              {ticket.priority} · {PRIORITY_NAME[ticket.priority]}
            </dd>
            <dt>Engineer</dt>
            <dd>{ticket.engineerName ?? 'Waiting for an engineer'}</dd>
            {step && (
              <>
                <dt>Next</dt>
                <dd>{step}</dd>
              </>
            )}
          </dl>
        </div>
        {ticket.priority === 'P1' && !closed && (
          <section class="tk-urgent" aria-label="Urgent help">
            <Hotline hotline={ticket.hotline} />
            <CallbackRequest pending={callback} onRequest={(f) => requestCallback(ticket.id, f.phone, f.preferredTime)} />
          </section>
        )}
        <div class="tk-history" role="log" aria-label="Ticket history">
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
      {event.fromSupport && <span class="who">{event.authorName}</span>}
      {event.text}
      <span class="meta">{when(event.createdAt)}</span>
    </div>
  );
}

function ReplyBox({ ticket }: { ticket: VisitorTicketDetail }) {
  const draft = replyOf(useStore($replies), ticket.id);
  const send = (event: Event) => {
    event.preventDefault();
    void sendReply(ticket.id);
  };
  return (
    <form class="tk-reply" onSubmit={send}>
      {ticket.status === 'closed' && <p class="tk-meta">This ticket is closed. Writing here starts a new ticket that links back to it.</p>}
      {draft.error && (
        <p class="tk-error" role="alert">
          Not sent: {draft.error}
        </p>
      )}
      <div class="tk-reply-row">
        <textarea
          aria-label="Reply"
          placeholder="Write to the engineer…"
          rows={1}
          maxLength={TICKET_LIMITS.reply}
          value={draft.text}
          onInput={(event) => setReply(ticket.id, event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) send(event);
          }}
        />
        <button type="submit" class="send" disabled={!draft.text.trim() || draft.sending}>
          Send
        </button>
      </div>
    </form>
  );
}
