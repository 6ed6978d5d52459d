// Wires routing and teamwork: the router, presence with grace, hand-overs, notes, canned replies,
// administration and the supervisor's overview.
import { AgentAdmin } from '../identity/agent-admin';
import { AlertRecipients } from './alert-recipients';
import { AgentPresence } from './agent-presence';
import { AgentReplies } from './agent-replies';
import { CannedReplies } from '../chats/canned-replies';
import { ChatAccess } from '../chats/chat-access';
import { ChatHandover } from './chat-handover';
import { ChatJournal } from './chat-journal';
import type { RoutingPolicy } from './chat-routing-policy';
import type { DomainEvent, DomainEvents } from '../events';
import { InternalNotes } from '../chats/internal-notes';
import { OrganisationAdmin } from '../identity/organisation-admin';
import type { Clock, Store } from '../ports';
import { Router } from './routing';
import { SupervisorOverviews } from './supervisor-overview';

export interface RoutingServices {
  router: Router;
  journal: ChatJournal;
  access: ChatAccess;
  handover: ChatHandover;
  agentPresence: AgentPresence;
  replies: AgentReplies;
  notes: InternalNotes;
  canned: CannedReplies;
  agentAdmin: AgentAdmin;
  organisationAdmin: OrganisationAdmin;
  supervision: SupervisorOverviews;
  /** Who hears of a classroom's quality turning bad. */
  alerts: AlertRecipients;
}

export interface RoutingOptions {
  store: Store;
  events: DomainEvents;
  clock: Clock;
  newId: () => string;
  /** A listener's write failed (the reply tracker's): log it. */
  onError: (error: unknown, event: DomainEvent) => void;
  /** How long a dropped console may take to come back before its agent counts as away. */
  agentGraceMs?: number;
  policy?: RoutingPolicy;
}

export function createRoutingServices({ store, events, clock, newId, onError, agentGraceMs, policy }: RoutingOptions): RoutingServices {
  const journal = new ChatJournal({ store, events, clock, newId });
  const router = new Router({ store, events, clock, journal, ...(policy ? { policy } : {}) });
  const access = new ChatAccess(store);
  const agentPresence = new AgentPresence({
    store,
    events,
    clock,
    journal,
    router,
    ...(agentGraceMs === undefined ? {} : { graceMs: agentGraceMs }),
  });
  return {
    router,
    journal,
    access,
    handover: new ChatHandover({ store, events, clock, journal, router }),
    agentPresence,
    replies: new AgentReplies(store, events, onError),
    notes: new InternalNotes({ store, events, clock, access, newId }),
    canned: new CannedReplies({ store, events, clock, newId }),
    agentAdmin: new AgentAdmin({ store, events, clock, router, presence: agentPresence, newId }),
    organisationAdmin: new OrganisationAdmin({ store, clock, newId }),
    supervision: new SupervisorOverviews({ store, clock }),
    alerts: new AlertRecipients(store),
  };
}
