// Who acts on a ticket: an agent, the customer, an API client (token) or the system (SLA timers).
import type { TicketActorKind } from '../../../shared/ticket-model';
import { SYSTEM_AUTHOR } from '../../../shared/system-author';
import type { Agent, EndUser } from '../records';
import type { ApiTokenRecord } from './ticket-records';

export type TicketActor =
  | { kind: 'agent'; agent: Agent }
  | { kind: 'customer'; user: EndUser }
  | { kind: 'api'; token: ApiTokenRecord }
  | { kind: 'system' };

/** How an actor is written into history. */
export interface ActorRef {
  kind: TicketActorKind;
  id: string | null;
  name: string;
}

export const SYSTEM_ACTOR: ActorRef = { kind: 'system', id: null, name: SYSTEM_AUTHOR };

export function actorRef(actor: TicketActor): ActorRef {
  switch (actor.kind) {
    case 'agent':
      return { kind: 'agent', id: actor.agent.id, name: actor.agent.name };
    case 'customer':
      return { kind: 'customer', id: actor.user.id, name: actor.user.name };
    case 'api':
      return { kind: 'api', id: actor.token.id, name: `API: ${actor.token.name}` };
    case 'system':
      return SYSTEM_ACTOR;
  }
}

/** The support side: agents and API clients may do everything a support engineer does. */
export type StaffActor = Extract<TicketActor, { kind: 'agent' } | { kind: 'api' }>;

/** May this actor reach `organisationId`'s tickets and chats? Agents serve every organisation; a token its scope. */
export function reaches(actor: StaffActor, organisationId: string): boolean {
  return actor.kind === 'agent' || actor.token.organisationId === null || actor.token.organisationId === organisationId;
}

/** The organisation a list must stay within for this actor, if any. */
export const scopeOf = (actor: StaffActor): string | undefined => (actor.kind === 'api' ? (actor.token.organisationId ?? undefined) : undefined);
