// An agent's sessions: listed for their owner (or an admin), ended one by one or all at once. Every ending
// is announced, so the consoles signed in with those sessions are closed at once, not at their next request.
import type { SessionView } from '../../../shared/account-model';
import { DomainError } from '../errors';
import type { DomainEvents } from '../events';
import type { Clock, Store } from '../ports';
import type { Agent, AgentSessionRecord } from '../records';
import { requireRole } from '../roles';

export interface AgentSessionsDeps {
  store: Store;
  events: DomainEvents;
  clock: Clock;
}

export const sessionView = (session: AgentSessionRecord, currentId: string | null): SessionView => ({
  id: session.id,
  createdAt: session.createdAt,
  lastUsedAt: session.lastUsedAt,
  expiresAt: session.expiresAt,
  address: session.address,
  userAgent: session.userAgent,
  current: session.id === currentId,
});

export class AgentSessions {
  constructor(private readonly deps: AgentSessionsDeps) {}

  async list(agent: Agent, currentId: string): Promise<SessionView[]> {
    return (await this.deps.store.listSessions(agent.id, this.deps.clock.now())).map((s) => sessionView(s, currentId));
  }

  /** Ends one of the agent's own sessions; someone else's session id is "not found", never ended. */
  async revoke(agent: Agent, sessionId: string): Promise<void> {
    const ended = await this.end(agent.id, { onlyId: sessionId });
    if (ended.length === 0) throw new DomainError('not_found', 'No such session');
  }

  /** "Sign out everywhere else". */
  async revokeOthers(agent: Agent, currentId: string): Promise<number> {
    return (await this.end(agent.id, { exceptId: currentId })).length;
  }

  async listFor(actor: Agent, agentId: string): Promise<SessionView[]> {
    requireRole(actor, 'admin');
    await this.existing(agentId);
    return (await this.deps.store.listSessions(agentId, this.deps.clock.now())).map((s) => sessionView(s, null));
  }

  /** An admin signs another agent out everywhere (a lost laptop). */
  async revokeAllFor(actor: Agent, agentId: string): Promise<number> {
    requireRole(actor, 'admin');
    await this.existing(agentId);
    return (await this.end(agentId, {})).length;
  }

  /** Ends sessions and closes their consoles; the building block of everything above and of password changes. */
  async end(agentId: string, which: { onlyId?: string; exceptId?: string }): Promise<string[]> {
    const ended = await this.deps.store.deleteSessions(agentId, which);
    if (ended.length > 0) this.deps.events.emit({ type: 'agent.sessions_ended', agentId, sessionIds: ended });
    return ended;
  }

  private async existing(agentId: string): Promise<void> {
    if (!(await this.deps.store.getAgent(agentId))) throw new DomainError('not_found', 'No such agent');
  }
}
