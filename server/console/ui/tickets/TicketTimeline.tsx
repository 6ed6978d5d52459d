// A ticket's history: every event with who and when; replies and internal notes show their text, notes marked.
import type { TicketEvent } from '../../../../shared/ticket-model';
import { formatFull, isoTime } from '../format';
import { describeEvent } from './ticket-format';

const NOTABLE = new Set(['sla_warning', 'sla_breach', 'escalated', 'callback_requested']);

export function TicketTimeline({ events }: { events: TicketEvent[] }) {
  return (
    <section class="ticket-section" aria-labelledby="ticket-timeline-title">
      <h3 id="ticket-timeline-title">Timeline</h3>
      <ol class="timeline">
        {events.map((event) => (
          <TimelineEntry key={event.seq} event={event} />
        ))}
      </ol>
    </section>
  );
}

function TimelineEntry({ event }: { event: TicketEvent }) {
  const spoken = event.kind === 'reply' || event.kind === 'note';
  const kind = event.kind === 'note' ? 'note' : event.kind === 'reply' ? (event.actor.kind === 'customer' ? 'customer' : 'reply') : NOTABLE.has(event.kind) ? 'alert' : 'history';
  return (
    <li class={`timeline-entry timeline-entry--${kind}`}>
      <p class="timeline-meta">
        <span class="timeline-actor">{event.actor.name}</span>
        {event.kind === 'note' && <span class="tag tag--note">Internal note</span>}
        {event.kind === 'reply' && event.actor.kind !== 'customer' && <span class="tag">Public reply</span>}
        {!event.public && event.kind !== 'note' && <span class="tag">Internal</span>}
        <time dateTime={isoTime(event.createdAt)}>{formatFull(event.createdAt)}</time>
      </p>
      <p class={spoken ? 'timeline-text' : 'timeline-text timeline-text--history'}>{describeEvent(event)}</p>
    </li>
  );
}
