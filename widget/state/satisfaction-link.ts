// When a chat ends after support answered, or a ticket is resolved, the rating card (satisfaction.js, loaded
// then) asks "How did we do?" once. Kept tiny: it is in the start-up bundle.
import { ratingText } from '../i18n/messages';
import { loadSatisfaction } from '../lazy';
import type { RatedSubject } from '../satisfaction/satisfaction-view';
import { $conversation } from './conversation';
import { ticketListeners, tickets } from './tickets';
import { request } from './wire';

let card: ReturnType<typeof start> | undefined;
const start = () => loadSatisfaction(tickets.server).then((m) => m.startSatisfaction({ request, texts: ratingText }));
// A failed load is forgotten, so the next ask tries again.
const ask = (subject: RatedSubject) => {
  card ??= start();
  return card.then(
    (c) => c.ask(subject),
    () => {
      card = undefined;
    },
  );
};

export function watchSatisfaction(): void {
  // The moment it ends (live, or found ended after a reconnect): a chat restored already ended is not asked about.
  let open = false;
  $conversation.subscribe((chat) => {
    if (open && chat?.status === 'closed' && chat.agentName) ask({ kind: 'chat', id: chat.id });
    open = chat?.status === 'active';
  });
  ticketListeners.add((t) => t.status === 'resolved' && ask({ kind: 'ticket', id: t.id, number: t.number }));
}
