// A ticket's history: every event with who and when; replies and internal notes show their text, notes marked.
import { useStore } from '@nanostores/preact';
import type { TicketEvent } from '../../../../shared/ticket-model';
import { formatFull, isoTime } from '../format';
import { texts } from '../../i18n/i18n';
import { describeEvent } from './ticket-format';

const ticketText = texts('tickets');

const NOTABLE = new Set(['sla_warning', 'sla_breach', 'escalated', 'callback_requested']);

export function TicketTimeline({ events }: { events: TicketEvent[] }) {
  const t = useStore(ticketText);
  return (
    <section class="ticket-section" aria-labelledby="ticket-timeline-title">
      <h3 id="ticket-timeline-title">{t.timeline}</h3>
      <ol class="timeline">
        {events.map((event) => (
          <TimelineEntry key={event.seq} event={event} />
        ))}
      </ol>
    </section>
  );
}

function TimelineEntry({ event }: { event: TicketEvent }) {
  const t = useStore(ticketText);
  const spoken = event.kind === 'reply' || event.kind === 'note';
  const kind =
    event.kind === 'note'
      ? 'note'
      : event.kind === 'reply'
        ? event.actor.kind === 'customer'
          ? 'customer'
          : 'reply'
        : NOTABLE.has(event.kind)
          ? 'alert'
          : 'history';
  return (
    <li class={`timeline-entry timeline-entry--${kind}`}>
      <p class="timeline-meta">
        {/* The system's name is ours to translate; everyone else's is their own. */}
        <span class="timeline-actor">{event.actor.kind === 'system' ? t.system : event.actor.name}</span>
        {event.kind === 'note' && <span class="tag tag--note">{t.internalNote}</span>}
        {event.kind === 'reply' && event.actor.kind !== 'customer' && <span class="tag">{t.publicReply}</span>}
        {!event.public && event.kind !== 'note' && <span class="tag">{t.internal}</span>}
        <time dateTime={isoTime(event.createdAt)}>{formatFull(event.createdAt)}</time>
      </p>
      <p class={spoken ? 'timeline-text' : 'timeline-text timeline-text--history'}>{describeEvent(event)}</p>
    </li>
  );
}
