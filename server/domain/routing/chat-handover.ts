// Manual control of a chat: pick it from the queue, transfer it to a named colleague or a tier with a handover
// note, escalate it L1 → L2 → the organisation's account manager → supervisors. The previous agent keeps
// read access; every move is recorded and told to the user in plain words.
import type { RoutingTarget, Tier } from '../../../shared/model';
import type { ManagerNotice } from '../../../shared/notices';
import type { ChatJournal } from './chat-journal';
import { personOf } from './chat-journal';
import { bringingIn, nowTalkingTo } from './chat-move-words';
import { targetAccepts } from '../../../shared/chat-queue';
import { DomainError } from '../errors';
import type { DomainEvents } from '../events';
import type { Clock, Store } from '../ports';
import type { Agent, Conversation } from '../records';
import type { Router } from './routing';
import { nextTier } from '../tiers';

export interface HandoverDeps {
  store: Store;
  events: DomainEvents;
  clock: Clock;
  journal: ChatJournal;
  router: Router;
}

export type TransferTo = { agentId: string } | { tier: Tier };

export class ChatHandover {
  constructor(private readonly deps: HandoverDeps) {}

  /** Takes a queued chat by hand (whatever the agent's presence, never beyond capacity). */
  async pick(agent: Agent, conversationId: string): Promise<Conversation> {
    const { store, clock, events, journal } = this.deps;
    const chat = await this.open(conversationId);
    if (chat.status !== 'queued') {
      throw new DomainError('conflict', chat.assigneeId === agent.id ? 'This chat is already yours' : 'Another agent took this chat first');
    }
    this.assertMayPick(agent, chat);
    if (!(await store.claimConversation(chat.id, agent.id, clock.now(), { anyPresence: true }))) {
      if ((await this.open(conversationId)).status !== 'queued') throw new DomainError('conflict', 'Another agent took this chat first');
      throw new DomainError('agent_unavailable', `You already have ${agent.capacity} chats, your capacity; close one first`);
    }
    events.emit({ type: 'queue.changed' });
    return journal.assigned(chat.id, agent, agent);
  }

  /** Hands a chat to a named colleague (who must be able to take it now) or to a tier's queue. */
  async transfer(actor: Agent, conversationId: string, to: TransferTo, note: string | null): Promise<Conversation> {
    const chat = await this.open(conversationId);
    this.assertMayHandOver(actor, chat);
    if ('agentId' in to) return this.toAgent(actor, chat, to.agentId, note);
    if (to.tier === 'account_manager') {
      const manager = await this.accountManagerOf(chat);
      if (!manager) throw new DomainError('not_found', `${chat.context.organisation} has no account manager`);
      return this.toQueue(actor, chat, 'account_manager', manager, 'transferred', note);
    }
    return this.toQueue(actor, chat, to.tier, null, 'transferred', note);
  }

  /** One step up: L1 → L2 → the organisation's account manager (if it has one) → supervisors. */
  async escalate(actor: Agent, conversationId: string, note: string | null): Promise<Conversation> {
    const { store } = this.deps;
    const chat = await this.open(conversationId);
    this.assertMayHandOver(actor, chat);
    const assignee = chat.assigneeId ? await store.getAgent(chat.assigneeId) : null;
    const level: RoutingTarget = assignee?.tier ?? chat.routing.target;
    if (level === 'supervisors') throw new DomainError('conflict', 'This chat is already with the supervisors');
    let next = nextTier(level);
    const manager = next === 'account_manager' ? await this.accountManagerOf(chat) : null;
    if (next === 'account_manager' && !manager) next = 'supervisors';
    return this.toQueue(actor, chat, next, manager, 'escalated', note);
  }

  private async toAgent(actor: Agent, chat: Conversation, agentId: string, note: string | null): Promise<Conversation> {
    const { store, clock, events, journal, router } = this.deps;
    const target = await store.getAgent(agentId);
    if (!target?.active) throw new DomainError('not_found', 'No such agent');
    if (target.id === chat.assigneeId) throw new DomainError('conflict', `This chat is already with ${target.name}`);
    const now = clock.now();
    const moved = chat.assigneeId
      ? await store.reassignConversation(chat.id, chat.assigneeId, target.id, now)
      : await store.claimConversation(chat.id, target.id, now);
    if (!moved) {
      const fresh = await this.open(chat.id);
      if (fresh.status !== chat.status || fresh.assigneeId !== chat.assigneeId)
        throw new DomainError('conflict', 'This chat changed hands meanwhile');
      throw new DomainError('agent_unavailable', `${target.name} cannot take a chat now (away, offline or at capacity)`);
    }
    const previous = chat.assigneeId ? await store.getAgent(chat.assigneeId) : null;
    if (previous) await store.addPreviousAssignee(chat.id, previous.id, now);
    const fresh = await this.open(chat.id);
    events.emit({ type: 'conversation.assigned', conversation: fresh, agent: target });
    if (!previous) events.emit({ type: 'queue.changed' });
    const result = await journal.record(
      chat.id,
      { kind: 'transferred', actor: personOf(actor), from: personOf(previous), to: personOf(target), toTarget: null, reason: null, note },
      nowTalkingTo(target),
    );
    // The previous agent has room again.
    await router.offerQueued();
    return result;
  }

  private async toQueue(
    actor: Agent,
    chat: Conversation,
    target: RoutingTarget,
    manager: Agent | null,
    kind: 'transferred' | 'escalated',
    note: string | null,
  ): Promise<Conversation> {
    const { store, clock, events, journal, router } = this.deps;
    const now = clock.now();
    const from = chat.assigneeId ? await store.getAgent(chat.assigneeId) : null;
    const returned = await store.returnToQueue(chat.id, chat.assigneeId, {
      target,
      reservedFor: manager?.id ?? null,
      avoidAgentId: chat.assigneeId,
      queuedAt: now,
    });
    if (!returned) throw new DomainError('conflict', 'This chat changed hands meanwhile');
    if (from) await store.addPreviousAssignee(chat.id, from.id, now);
    events.emit({ type: 'conversation.queued', conversation: await this.open(chat.id) });
    events.emit({ type: 'queue.changed' });
    const recorded = await journal.record(
      chat.id,
      { kind, actor: personOf(actor), from: personOf(from), to: personOf(manager), toTarget: target, reason: null, note },
      bringingIn(target, manager ?? undefined),
    );
    if (manager) {
      const notice: ManagerNotice = { code: 'chat_handed_to_you', by: actor.name, how: kind, organisation: chat.context.organisation };
      events.emit({ type: 'account_manager.notified', conversation: recorded, manager, notice });
    }
    await router.offerQueued();
    return (await store.getConversation(chat.id)) ?? recorded;
  }

  private async open(conversationId: string): Promise<Conversation> {
    const chat = await this.deps.store.getConversation(conversationId);
    if (!chat) throw new DomainError('not_found', 'No such conversation');
    if (chat.status === 'closed') throw new DomainError('conversation_closed', 'This conversation has ended');
    return chat;
  }

  private assertMayHandOver(actor: Agent, chat: Conversation): void {
    if (chat.assigneeId === actor.id || actor.role !== 'agent') return;
    throw new DomainError('forbidden', 'Only the assigned agent or a supervisor can hand this chat over');
  }

  private assertMayPick(agent: Agent, chat: Conversation): void {
    if (chat.routing.reservedFor && chat.routing.reservedFor !== agent.id) {
      throw new DomainError('forbidden', 'This chat is held for the organisation’s account manager');
    }
    // Supervisors and admins may step in anywhere; agents take what their tier is for.
    if (agent.role === 'agent' && !targetAccepts(chat.routing.target, agent)) {
      throw new DomainError('forbidden', 'This chat waits for another tier');
    }
  }

  private async accountManagerOf(chat: Conversation): Promise<Agent | null> {
    const { store } = this.deps;
    const organisation = await store.getOrganisation(chat.organisationId);
    const manager = organisation?.accountManagerId ? await store.getAgent(organisation.accountManagerId) : null;
    return manager?.active ? manager : null;
  }
}
