// Agent presence: the Available switch, and what happens when a console drops. During a grace period the
// agent gets no new chats; after it they are away, their unanswered chats go back to the front of the queue
// and the answered ones stay theirs, flagged for supervisors. Kept in the store, so any process may sweep.
import type { ChatMove } from '../../../shared/routing-model';
import type { ChatJournal } from './chat-journal';
import { personOf } from './chat-journal';
import { agentLeft } from './chat-move-words';
import { DomainError } from '../errors';
import type { DomainEvents } from '../events';
import type { Clock, Store } from '../ports';
import type { Agent, Conversation } from '../records';
import type { Router } from './routing';

/** How long a dropped console has to come back before its agent counts as away. */
export const DEFAULT_AGENT_GRACE_MS = 60_000;

export type LeaveReason = NonNullable<ChatMove['reason']>;

export interface AgentPresenceDeps {
  store: Store;
  events: DomainEvents;
  clock: Clock;
  journal: ChatJournal;
  router: Router;
  graceMs?: number;
}

export class AgentPresence {
  readonly graceMs: number;

  constructor(private readonly deps: AgentPresenceDeps) {
    this.graceMs = deps.graceMs ?? DEFAULT_AGENT_GRACE_MS;
  }

  async setAvailable(agentId: string, available: boolean): Promise<Agent> {
    const { store, router } = this.deps;
    await store.setAgentPresence(agentId, available ? 'available' : 'away');
    if (available) await router.offerQueued();
    return this.changed(agentId);
  }

  /** A console connected: the grace period (if any) ends, and an available agent can take chats again. */
  async connected(agentId: string): Promise<Agent> {
    const { store, router } = this.deps;
    await store.markAgentConnected(agentId);
    // Signed in and here, though not taking chats until they switch Available on.
    if ((await store.getAgent(agentId))?.presence === 'offline') await store.setAgentPresence(agentId, 'away');
    for (const chat of await store.listAssigned(agentId)) {
      if (!chat.routing.attention) continue;
      await store.setChatAttention(chat.id, null);
      // Back: the student's widget stops saying the agent lost their connection.
      this.deps.events.emit({ type: 'conversation.attention_changed', conversation: { ...chat, routing: { ...chat.routing, attention: null } } });
    }
    const agent = await this.changed(agentId);
    if (agent.presence === 'available') await router.offerQueued();
    return agent;
  }

  /** The agent's last console went away: the grace period starts. */
  async disconnected(agentId: string): Promise<void> {
    await this.deps.store.markAgentDisconnected(agentId, this.deps.clock.now());
    await this.changed(agentId);
  }

  /** The agents in their grace period now: a console of theirs dropped and has not come back yet. */
  inGrace(): Promise<string[]> {
    return this.deps.store.listAgentsDisconnectedSince(this.deps.clock.now());
  }

  /** Ends every grace period that has run out; call it every second or so. Returns the agents now away. */
  async expireGrace(): Promise<string[]> {
    const { store, clock, router } = this.deps;
    const cutoff = clock.now() - this.graceMs;
    const expired: string[] = [];
    for (const agentId of await store.listAgentsDisconnectedSince(cutoff)) {
      // Another process sweeping the same database may have ended it first; only one releases the chats.
      if (!(await store.endGrace(agentId, cutoff))) continue;
      const agent = await this.changed(agentId);
      await this.release(agent, 'agent_away', false);
      expired.push(agentId);
    }
    if (expired.length > 0) await router.offerQueued();
    return expired;
  }

  /** Signed out on purpose: offline at once, no grace. */
  async signedOut(agentId: string): Promise<void> {
    const { store, router } = this.deps;
    await store.setAgentPresence(agentId, 'offline');
    await store.markAgentConnected(agentId);
    await this.release(await this.changed(agentId), 'signed_out', false);
    await router.offerQueued();
  }

  /**
   * Takes chats away from an agent who left: unanswered ones (or all, when `everything`) go back to the
   * front of the queue; answered ones stay and are flagged for supervisors.
   */
  async release(agent: Agent, reason: LeaveReason, everything: boolean): Promise<void> {
    const { store, clock, events, journal } = this.deps;
    let requeued = false;
    for (const chat of await store.listAssigned(agent.id)) {
      if (!everything && chat.routing.assigneeReplied) {
        await store.setChatAttention(chat.id, 'agent_away');
        // The student is told, and offered someone else or a ticket (askSomeoneElse).
        if (reason === 'agent_away')
          events.emit({ type: 'conversation.attention_changed', conversation: { ...chat, routing: { ...chat.routing, attention: 'agent_away' } } });
        continue;
      }
      const now = clock.now();
      // A chat escalated to this account manager goes to the supervisors rather than waiting for them.
      const target = chat.routing.target === 'account_manager' ? 'supervisors' : chat.routing.target;
      if (!(await store.returnToQueue(chat.id, agent.id, { target, reservedFor: null, avoidAgentId: null, queuedAt: now }))) continue;
      await store.addPreviousAssignee(chat.id, agent.id, now);
      const queued = await store.getConversation(chat.id);
      if (queued) events.emit({ type: 'conversation.queued', conversation: queued });
      requeued = true;
      await journal.record(
        chat.id,
        { kind: 'requeued', actor: null, from: personOf(agent), to: null, toTarget: target, reason, note: null },
        agentLeft(agent, reason),
      );
    }
    if (requeued) events.emit({ type: 'queue.changed' });
  }

  /**
   * The student of a chat whose agent is away (past the grace period) asks for someone else: the chat goes back
   * to the front of its queue, away from that agent. Anything else is refused and changes nothing.
   */
  async askSomeoneElse(endUserId: string, conversationId: string): Promise<Conversation> {
    const { store, clock, events, journal, router } = this.deps;
    const chat = await store.getConversation(conversationId);
    if (!chat || chat.endUserId !== endUserId) throw new DomainError('not_found', 'No such conversation');
    if (chat.status !== 'active' || chat.routing.attention !== 'agent_away' || !chat.assigneeId) {
      throw new DomainError('conflict', 'Your agent is still with you');
    }
    const agent = await store.getAgent(chat.assigneeId);
    const now = clock.now();
    const target = chat.routing.target === 'account_manager' ? 'supervisors' : chat.routing.target;
    if (!(await store.returnToQueue(chat.id, chat.assigneeId, { target, reservedFor: null, avoidAgentId: chat.assigneeId, queuedAt: now }))) {
      throw new DomainError('conflict', 'Your agent is still with you');
    }
    await store.setChatAttention(chat.id, null);
    await store.addPreviousAssignee(chat.id, chat.assigneeId, now);
    if (agent) {
      await journal.record(
        chat.id,
        { kind: 'requeued', actor: null, from: personOf(agent), to: null, toTarget: target, reason: 'agent_away', note: null },
        agentLeft(agent, 'agent_away'),
      );
    }
    const queued = (await store.getConversation(chat.id)) as Conversation;
    events.emit({ type: 'conversation.queued', conversation: queued });
    events.emit({ type: 'queue.changed' });
    await router.offerQueued();
    return (await store.getConversation(chat.id)) as Conversation;
  }

  private async changed(agentId: string): Promise<Agent> {
    const agent = await this.deps.store.getAgent(agentId);
    if (!agent) throw new DomainError('not_found', 'No such agent');
    this.deps.events.emit({ type: 'agent.changed', agent });
    return agent;
  }
}
