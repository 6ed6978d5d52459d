// Routing: offers waiting chats to agents who may take them, in the policy's order, through atomic claims;
// and tells an organisation's account manager when one of their customers starts a chat.
import type { ChatJournal } from './chat-journal';
import { personOf } from './chat-journal';
import { deadlineRouting, hasRoom, type RoutingPolicy } from './chat-routing-policy';
import type { ManagerNotice } from '../../../shared/notices';
import type { DomainEvents } from '../events';
import type { Clock, Store } from '../ports';
import type { AgentLoad, Conversation, Organisation } from '../records';
import { KeyedSharedRead } from '../chats/shared-read';

export interface RouterDeps {
  store: Store;
  events: DomainEvents;
  clock: Clock;
  journal: ChatJournal;
  /** Who gets which chat; our deadline routing unless a benchmark compares another. */
  policy?: RoutingPolicy;
}

export class Router {
  private draining: Promise<void> | null = null;
  private drainAgain = false;
  private readonly policy: RoutingPolicy;

  /**
   * Every arriving chat asks for its organisation (its account manager); when a class starts, thousands at once.
   * They share reads, each one that began after it asked, so a change of manager counts at once.
   */
  private readonly organisations: KeyedSharedRead<string, Organisation | null>;

  constructor(private readonly deps: RouterDeps) {
    this.policy = deps.policy ?? deadlineRouting;
    this.organisations = new KeyedSharedRead((id) => deps.store.getOrganisation(id));
  }

  /** The queue in the order chats are offered (visitors' queue positions use the same order). */
  orderQueue(queued: readonly Conversation[]): Conversation[] {
    return this.policy.orderQueue(queued);
  }

  /** A new chat is waiting: its organisation's account manager hears of it, then routing offers it. */
  async chatArrived(conversation: Conversation): Promise<void> {
    await this.notifyAccountManager(conversation);
    await this.offerQueued();
  }

  /**
   * Offers queued chats to free agents until either runs out. Call it whenever a chat is queued or
   * capacity frees up. Calls are coalesced in this process; claims are atomic in the store, so other
   * processes doing the same can never double-assign.
   */
  offerQueued(): Promise<void> {
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = (async () => {
      try {
        do {
          this.drainAgain = false;
          await this.drain();
        } while (this.drainAgain);
      } finally {
        this.draining = null;
      }
    })();
    return this.draining;
  }

  private async drain(): Promise<void> {
    const { store, clock, events, journal } = this.deps;
    // Agents first: when nobody has room (a class starting while everyone is busy), there is nothing to offer, and
    // the whole queue — thousands of chats in a burst — need not be read at all.
    let agents: AgentLoad[] = await store.listAvailableAgents();
    if (!agents.some(hasRoom)) return;
    const queue = this.policy.orderQueue(await store.listQueued());
    if (queue.length === 0) return;
    let assignedAny = false;
    for (const chat of queue) {
      if (!agents.some(hasRoom)) break;
      for (const candidate of this.policy.candidates(chat, agents)) {
        const now = clock.now();
        if (await store.claimConversation(chat.id, candidate.agentId, now)) {
          candidate.activeChats += 1;
          candidate.lastAssignedAt = now;
          this.policy.assigned?.(chat, candidate.agentId);
          assignedAny = true;
          const agent = await store.getAgent(candidate.agentId);
          if (agent) await journal.assigned(chat.id, agent, null);
          break;
        }
        // The claim lost: someone else took the chat, or this agent filled up or left meanwhile.
        const fresh = await store.getConversation(chat.id);
        if (fresh?.status !== 'queued') break;
        agents = agents.filter((a) => a !== candidate);
      }
    }
    if (assignedAny) events.emit({ type: 'queue.changed' });
  }

  private async notifyAccountManager(conversation: Conversation): Promise<void> {
    const { store, events, journal } = this.deps;
    const organisation = await this.organisations.read(conversation.organisationId);
    const manager = organisation?.accountManagerId ? await store.getAgent(organisation.accountManagerId) : null;
    if (!organisation || !manager?.active) return;
    const user = await store.getEndUser(conversation.endUserId);
    const notice: ManagerNotice = {
      code: 'customer_chat_started',
      organisation: organisation.name,
      priority: conversation.routing.priority,
      ...(user?.name ? { user: user.name } : {}),
    };
    const recorded = await journal.record(
      conversation.id,
      { kind: 'notified', actor: null, from: null, to: personOf(manager), toTarget: null, reason: null, note: null },
      null,
    );
    events.emit({ type: 'account_manager.notified', conversation: recorded, manager, notice });
  }
}
