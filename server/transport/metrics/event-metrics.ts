// Counts what the domain reports as it happens: messages stored, SLA warnings and breaches fired.
import type { DomainEvents } from '../../domain/events';
import type { SupportMetrics } from './registry';

export function countDomainEvents(events: DomainEvents, metrics: SupportMetrics): () => void {
  return events.on((event) => {
    if (event.type === 'message.created') metrics.messages.inc({ author: event.message.authorKind });
    if (event.type !== 'ticket.changed') return;
    // A warning or breach is a history entry written once, by the node that fired it.
    for (const entry of event.events) {
      const metric = entry.data.metric ?? 'unknown';
      if (entry.kind === 'sla_warning') metrics.slaWarnings.inc({ metric });
      if (entry.kind === 'sla_breach') metrics.slaBreaches.inc({ metric });
    }
  });
}
