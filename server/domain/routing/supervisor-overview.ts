// The supervisor's live picture: queue length and oldest wait by priority, every agent's presence and load,
// chats close to (or past) their first-response deadline, and chats whose agent left them answered but open.
import { PRIORITIES } from '../../../shared/chat-priority';
import { chatFirstResponseAtRisk } from '../../../shared/chat-first-response';
import type { AgentStatus, ChatAtRisk, FlaggedChat, SupervisorOverview } from '../../../shared/routing-model';
import type { Clock, Store } from '../ports';
import type { Agent, Conversation } from '../records';
import { requireRole } from '../roles';
import type { AgentStatusRecord } from './routing-ports';

export const agentStatusView = ({ agent, activeChats, disconnectedAt }: AgentStatusRecord): AgentStatus => ({
  id: agent.id,
  name: agent.name,
  role: agent.role,
  tier: agent.tier,
  presence: agent.presence,
  reconnecting: disconnectedAt !== null,
  activeChats,
  capacity: agent.capacity,
});

export class SupervisorOverviews {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  /** The overview, for supervisors and admins only. */
  async build(actor: Agent): Promise<SupervisorOverview> {
    requireRole(actor, 'supervisor', 'admin');
    return this.snapshot();
  }

  /** The overview without a role check, for pushing to consoles that passed it when they started watching. */
  async snapshot(): Promise<SupervisorOverview> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const [open, statuses] = await Promise.all([store.listOpenConversations(), store.listAgentStatuses()]);
    const names = new Map(statuses.map((s) => [s.agent.id, s.agent.name]));
    const assignee = (c: Conversation) => (c.assigneeId ? { id: c.assigneeId, name: names.get(c.assigneeId) ?? 'Former agent' } : null);
    const userNames = new Map<string, string>();
    for (const c of open) {
      if (!userNames.has(c.endUserId)) userNames.set(c.endUserId, (await store.getEndUser(c.endUserId))?.name ?? 'Unknown user');
    }
    const userName = (c: Conversation) => userNames.get(c.endUserId) as string;

    const queued = open.filter((c) => c.status === 'queued');
    const queue = PRIORITIES.map((priority) => {
      const waiting = queued.filter((c) => c.routing.priority === priority);
      return {
        priority,
        waiting: waiting.length,
        oldestQueuedAt: waiting.length ? Math.min(...waiting.map((c) => c.routing.queuedAt)) : null,
      };
    });
    const dueView = (c: Conversation): ChatAtRisk => ({
      conversationId: c.id,
      userName: userName(c),
      organisation: c.context.organisation,
      priority: c.routing.priority,
      firstResponseDueAt: c.routing.firstResponseDueAt,
      status: c.status,
      assignee: assignee(c),
    });
    const unanswered = open
      .filter((c) => c.routing.firstResponseAt === null)
      .sort((a, b) => a.routing.firstResponseDueAt - b.routing.firstResponseDueAt);
    const closeToDeadline = (c: Conversation) => chatFirstResponseAtRisk(c.routing.priority, c.routing.firstResponseDueAt, now);
    const atRisk = unanswered.filter(closeToDeadline).map(dueView);
    // With nothing close yet, the supervisor still sees which chat comes due first (a 9-minute wait is not "well within").
    const next = unanswered.find((c) => !closeToDeadline(c));
    const flagged: FlaggedChat[] = open
      .filter((c) => c.status === 'active' && c.routing.attention)
      .map((c) => ({ conversationId: c.id, userName: userName(c), assignee: assignee(c), attention: 'agent_away' as const }));
    return { generatedAt: now, queue, agents: statuses.map(agentStatusView), atRisk, nextDue: next ? dueView(next) : null, flagged };
  }
}
