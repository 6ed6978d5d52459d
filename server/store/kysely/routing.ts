// Routing's writes beyond the first claim: transfers between agents, returns to the queue, replies that
// answer a chat, and the grace period of agents whose console dropped.
import { sql, type Kysely } from 'kysely';
import type { ChatAttention } from '../../../shared/model';
import type { AgentStatusRecord, QueueReturn } from '../../domain/routing/routing-ports';
import type { Database } from '../schema';
import { activeChatsOf, lockAgentWithRoom } from './agent-capacity';
import { CLAIMED } from './routing-columns';
import { toAgent, toConversation } from './rows';

export function routingQueries(db: Kysely<Database>) {
  return {
    reassignConversation(conversationId: string, fromAgentId: string, toAgentId: string, now: number): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        if (!(await lockAgentWithRoom(trx, toAgentId))) return false;
        const moved = await trx
          .updateTable('conversations')
          .set({ assignee_id: toAgentId, assigned_at: now, ...CLAIMED })
          .where('id', '=', conversationId)
          .where('status', '=', 'active')
          .where('assignee_id', '=', fromAgentId)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) return false;
        await trx.updateTable('agents').set({ last_assigned_at: now }).where('id', '=', toAgentId).execute();
        return true;
      });
    },

    async returnToQueue(conversationId: string, fromAgentId: string | null, change: QueueReturn): Promise<boolean> {
      let update = db
        .updateTable('conversations')
        .set({
          status: 'queued',
          assignee_id: null,
          assigned_at: null,
          route_target: change.target,
          reserved_for: change.reservedFor,
          avoid_agent_id: change.avoidAgentId,
          queued_at: change.queuedAt,
          queue_front: 1,
          assignee_replied: 0,
          attention: null,
        })
        .where('id', '=', conversationId);
      update = fromAgentId ? update.where('status', '=', 'active').where('assignee_id', '=', fromAgentId) : update.where('status', '=', 'queued');
      const result = await update.executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async recordAgentReply(conversationId: string, agentId: string, at: number): Promise<void> {
      await db
        .updateTable('conversations')
        .set((eb) => ({
          first_response_at: sql<number>`coalesce(first_response_at, ${at})`,
          assignee_replied: eb.case().when('assignee_id', '=', agentId).then(1).else(eb.ref('assignee_replied')).end(),
        }))
        .where('id', '=', conversationId)
        .execute();
    },

    async setChatAttention(conversationId: string, attention: ChatAttention | null): Promise<void> {
      await db.updateTable('conversations').set({ attention }).where('id', '=', conversationId).execute();
    },

    async listOpenConversations() {
      const rows = await db
        .selectFrom('conversations')
        .selectAll()
        .where('status', '!=', 'closed')
        .orderBy('created_at', 'asc')
        .orderBy('id', 'asc')
        .execute();
      return rows.map(toConversation);
    },

    async markAgentDisconnected(agentId: string, at: number): Promise<void> {
      await db.updateTable('agents').set({ disconnected_at: at }).where('id', '=', agentId).execute();
    },

    async markAgentConnected(agentId: string): Promise<void> {
      await db.updateTable('agents').set({ disconnected_at: null }).where('id', '=', agentId).execute();
    },

    async listAgentsDisconnectedSince(cutoff: number): Promise<string[]> {
      const rows = await db
        .selectFrom('agents')
        .select('id')
        .where('disconnected_at', 'is not', null)
        .where('disconnected_at', '<=', cutoff)
        .execute();
      return rows.map((r) => r.id);
    },

    async endGrace(agentId: string, cutoff: number): Promise<boolean> {
      const result = await db
        .updateTable('agents')
        .set((eb) => ({
          disconnected_at: null,
          presence: eb.case().when('presence', '=', 'available').then('away').else(eb.ref('presence')).end(),
        }))
        .where('id', '=', agentId)
        .where('disconnected_at', '<=', cutoff)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async listAgentStatuses(): Promise<AgentStatusRecord[]> {
      const rows = await db
        .selectFrom('agents as a')
        .selectAll('a')
        .select(activeChatsOf)
        .where('a.active', '=', 1)
        .orderBy('a.name', 'asc')
        .execute();
      return rows.map((r) => ({
        agent: toAgent(r),
        activeChats: Number(r.active_chats ?? 0),
        disconnectedAt: r.disconnected_at === null ? null : Number(r.disconnected_at),
      }));
    },
  };
}
