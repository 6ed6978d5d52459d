// The widget's tickets: the Chat / Tickets switch with its unread badge, the offer to leave a ticket instead of
// waiting, and the box the tickets view (loaded on first use, see lazy.ts) renders into.
import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { $locale } from '../i18n/locale';
import { hoursText, panelText } from '../i18n/messages';
import { opensAtText } from '../i18n/opening-time';
import { loadTicketsView } from '../lazy';
import { $conversation, applyConversation } from '../state/conversation';
import { request } from '../state/wire';
import { $closedNow, $support, $ticketsRoute, $ticketsUnread, showTickets, tickets } from '../state/tickets';
import { ticketsBridge } from '../state/tickets-bridge';
import type { MountedTickets, TicketsRoute } from '../tickets/bridge';

export function TicketsTabs() {
  const route = useStore($ticketsRoute);
  const unread = useStore($ticketsUnread);
  const t = useStore(panelText);
  return (
    <nav class="tabs" aria-label={t.tabs}>
      <button type="button" aria-current={route ? undefined : 'page'} onClick={() => showTickets(null)}>
        {t.chat}
      </button>
      <button type="button" aria-current={route ? 'page' : undefined} onClick={() => showTickets({ view: 'list' })}>
        {t.tickets}
        {unread > 0 && (
          <span class="count" aria-hidden="true">
            {unread}
          </span>
        )}
      </button>
    </nav>
  );
}

/** Nobody to answer, or no time to wait: the chat becomes a ticket, with everything written so far. */
export function TicketOffer() {
  const support = useStore($support);
  const conversation = useStore($conversation);
  const closed = useStore($closedNow);
  const t = useStore(panelText);
  const waiting = !conversation || conversation.status === 'queued';
  if (closed && support) return <ClosedNotice opensAt={support.hours.opensAt} />;
  if (support && !support.agentsAvailable && waiting) {
    return (
      <p class="offer">
        {t.noOne}{' '}
        <button type="button" onClick={() => showTickets({ view: 'new', leaveMessage: true })}>
          {t.leaveMessage}
        </button>
      </p>
    );
  }
  if (!conversation || conversation.status === 'closed') return null;
  const ticket = (
    <button type="button" onClick={() => showTickets({ view: 'new', fromChat: true })}>
      {t.cantStay}
    </button>
  );
  // The agent's console dropped and did not come back: say so, and offer someone else or a ticket.
  if (conversation.agentAway) {
    return (
      <p class="offer" role="alert">
        {t.agentAway({ name: conversation.agentName ?? '' })}{' '}
        <button
          type="button"
          onClick={() => void request('conversation:requeue', { conversationId: conversation.id }).then((r) => r.ok && applyConversation(r.data))}
        >
          {t.someoneElse}
        </button>{' '}
        {ticket}
      </p>
    );
  }
  return <p class="offer">{ticket}</p>;
}

/** Outside the plan's hours: when people are back (the visitor's language and time zone), and a ticket instead. */
function ClosedNotice({ opensAt }: { opensAt: number | null }) {
  const h = useStore(hoursText);
  const locale = useStore($locale);
  return (
    <div class="offer closed" role="status">
      <p>{opensAt === null ? h.closedUntilFurtherNotice : h.closed({ when: opensAtText(opensAt, locale) })}</p>
      <p>
        <button type="button" onClick={() => showTickets({ view: 'new', leaveMessage: true })}>
          {h.ticket}
        </button>{' '}
        {h.ticketHint}
      </p>
    </div>
  );
}

export function TicketsPane({ route }: { route: TicketsRoute }) {
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<MountedTickets | null>(null);
  const [failed, setFailed] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const t = useStore(panelText);
  useEffect(() => {
    let mounted: MountedTickets | null = null;
    let gone = false;
    loadTicketsView(tickets.server).then(
      (module) => {
        if (gone || !box.current) return;
        mounted = module.mountTickets(box.current, ticketsBridge(), $ticketsRoute.get() ?? route);
        setView(mounted);
      },
      () => !gone && setFailed(attempt + 1),
    );
    return () => {
      gone = true;
      mounted?.unmount();
    };
  }, [attempt]);
  useEffect(() => view?.navigate(route), [route]);
  return (
    <div class="tk-pane">
      {!view &&
        (failed > attempt ? (
          <p class="status error" role="alert">
            {t.ticketsFailed}{' '}
            <button type="button" onClick={() => setAttempt(attempt + 1)}>
              {t.tryAgain}
            </button>
          </p>
        ) : (
          <p class="status" role="status">
            {t.ticketsLoading}
          </p>
        ))}
      {/* The tickets view renders here with its own Preact; nothing else is put in this box. */}
      <div ref={box} class="tk-box" />
    </div>
  );
}
