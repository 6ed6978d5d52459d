// The hand-over history of conversations, the agents who held them before, and a user's earlier chats.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { RoutingTarget } from '../../../shared/model';
import type { ChatMove } from '../../../shared/routing-model';
import type { Conversation } from '../../domain/records';
import type { ChatMovesTable, Database } from '../schema';
import { toConversation } from './rows';

const person = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

const toMove = (r: Selectable<ChatMovesTable>): ChatMove => ({
  id: r.id,
  conversationId: r.conversation_id,
  kind: r.kind as ChatMove['kind'],
  actor: person(r.actor_id, r.actor_name),
  from: person(r.from_agent_id, r.from_agent_name),
  to: person(r.to_agent_id, r.to_agent_name),
  toTarget: r.to_target as RoutingTarget | null,
  reason: r.reason as ChatMove['reason'],
  note: r.note,
  createdAt: Number(r.created_at),
});

export function chatMoveQueries(db: Kysely<Database>) {
  return {
    recordMove(move: ChatMove): Promise<void> {
      return db.transaction().execute(async (trx) => {
        // Lock the conversation's row first (PostgreSQL's row lock, SQLite's write lock): two nodes recording
        // moves of one chat at once would otherwise read the same max(position) and share a position.
        await trx
          .updateTable('conversations')
          .set((eb) => ({ last_seq: eb.ref('last_seq') }))
          .where('id', '=', move.conversationId)
          .execute();
        await trx
          .insertInto('chat_moves')
          .values({
            id: move.id,
            conversation_id: move.conversationId,
            kind: move.kind,
            actor_id: move.actor?.id ?? null,
            actor_name: move.actor?.name ?? null,
            from_agent_id: move.from?.id ?? null,
            from_agent_name: move.from?.name ?? null,
            to_agent_id: move.to?.id ?? null,
            to_agent_name: move.to?.name ?? null,
            to_target: move.toTarget,
            reason: move.reason,
            note: move.note,
            created_at: move.createdAt,
            position: sql<number>`(select coalesce(max(position), 0) + 1 from chat_moves where conversation_id = ${move.conversationId})`,
          })
          .execute();
      });
    },

    async listMoves(conversationId: string): Promise<ChatMove[]> {
      const rows = await db.selectFrom('chat_moves').selectAll().where('conversation_id', '=', conversationId).orderBy('position', 'asc').execute();
      return rows.map(toMove);
    },

    async addPreviousAssignee(conversationId: string, agentId: string, since: number): Promise<void> {
      await db
        .insertInto('previous_assignees')
        .values({ conversation_id: conversationId, agent_id: agentId, since })
        .onConflict((oc) => oc.columns(['conversation_id', 'agent_id']).doNothing())
        .execute();
    },

    async listPreviousAssignees(conversationId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('previous_assignees')
        .select('agent_id')
        .where('conversation_id', '=', conversationId)
        .orderBy('since', 'asc')
        .execute();
      return rows.map((r) => r.agent_id);
    },

    async listHandedOver(agentId: string): Promise<Conversation[]> {
      const rows = await db
        .selectFrom('conversations as c')
        .innerJoin('previous_assignees as p', 'p.conversation_id', 'c.id')
        .selectAll('c')
        .where('p.agent_id', '=', agentId)
        .where('c.status', '!=', 'closed')
        .where((eb) => eb.or([eb('c.assignee_id', 'is', null), eb('c.assignee_id', '!=', agentId)]))
        .orderBy('c.created_at', 'asc')
        .execute();
      return rows.map(toConversation);
    },

    async listPastConversations(endUserId: string, exceptId: string, limit: number): Promise<Conversation[]> {
      const rows = await db
        .selectFrom('conversations')
        .selectAll()
        .where('end_user_id', '=', endUserId)
        .where('id', '!=', exceptId)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toConversation);
    },
  };
}
