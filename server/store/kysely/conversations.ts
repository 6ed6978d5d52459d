// Conversations: idempotent creation, the queue, and the atomic claim that assigns a chat to an agent.
import type { Kysely, Selectable } from 'kysely';
import type { QueuedChat } from '../../../shared/chat-queue';
import type { Priority } from '../../../shared/chat-priority';
import type { ConversationContext } from '../../../shared/model';
import type { NewConversation } from '../../domain/ports';
import type { Conversation } from '../../domain/records';
import type { ConversationsTable, Database } from '../schema';
import type { DialectTraits } from './dialect';
import { lockAgentWithRoom } from './agent-capacity';
import { CLAIMED, routingColumns } from './routing-columns';
import { toConversation } from './rows';

export function conversationQueries(db: Kysely<Database>, traits: DialectTraits) {
  const getConversation = async (id: string): Promise<Conversation | null> => {
    const row = await db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toConversation(row) : null;
  };

  return {
    getConversation,

    async createConversation(conv: NewConversation): Promise<{ conversation: Conversation; created: boolean }> {
      let row: Selectable<ConversationsTable>;
      try {
        // The stored row comes back from the insert itself (defaults included): no read after it.
        row = await db
          .insertInto('conversations')
          .values({
            id: conv.id,
            organisation_id: conv.organisationId,
            end_user_id: conv.endUserId,
            client_id: conv.clientId,
            status: 'queued',
            context: JSON.stringify(conv.context),
            created_at: conv.createdAt,
            ...routingColumns(conv.routing),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
      } catch (error) {
        if (!traits.isUniqueViolation(error)) throw error;
        const existing = await db
          .selectFrom('conversations')
          .selectAll()
          .where('end_user_id', '=', conv.endUserId)
          .where('client_id', '=', conv.clientId)
          .executeTakeFirst();
        if (!existing) throw error;
        return { conversation: toConversation(existing), created: false };
      }
      return { conversation: toConversation(row), created: true };
    },

    async findOpenConversation(endUserId: string): Promise<Conversation | null> {
      const row = await db
        .selectFrom('conversations')
        .selectAll()
        .where('end_user_id', '=', endUserId)
        .where('status', '!=', 'closed')
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      return row ? toConversation(row) : null;
    },

    async listQueued(): Promise<Conversation[]> {
      const rows = await db
        .selectFrom('conversations')
        .selectAll()
        .where('status', '=', 'queued')
        .orderBy('created_at', 'asc')
        .orderBy('id', 'asc')
        .execute();
      return rows.map(toConversation);
    },

    async listQueueOrder(): Promise<QueuedChat[]> {
      const rows = await db
        .selectFrom('conversations')
        .select(['id', 'created_at', 'queue_front', 'first_response_due_at', 'priority'])
        .where('status', '=', 'queued')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        createdAt: Number(r.created_at),
        routing: { front: r.queue_front === 1, firstResponseDueAt: Number(r.first_response_due_at), priority: r.priority as Priority },
      }));
    },

    async listAssigned(agentId: string): Promise<Conversation[]> {
      const rows = await db
        .selectFrom('conversations')
        .selectAll()
        .where('assignee_id', '=', agentId)
        .where('status', '=', 'active')
        .orderBy('assigned_at', 'asc')
        .execute();
      return rows.map(toConversation);
    },

    claimConversation(conversationId: string, agentId: string, now: number, options: { anyPresence?: boolean } = {}): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        if (!(await lockAgentWithRoom(trx, agentId, options.anyPresence))) return false;
        const claimed = await trx
          .updateTable('conversations')
          .set({ status: 'active', assignee_id: agentId, assigned_at: now, ...CLAIMED })
          .where('id', '=', conversationId)
          .where('status', '=', 'queued')
          // A chat held for one agent (an escalation to the account manager) goes to nobody else.
          .where((eb) => eb.or([eb('reserved_for', 'is', null), eb('reserved_for', '=', agentId)]))
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) return false;
        await trx.updateTable('agents').set({ last_assigned_at: now }).where('id', '=', agentId).execute();
        return true;
      });
    },

    async closeConversation(conversationId: string, now: number): Promise<boolean> {
      const result = await db
        .updateTable('conversations')
        .set({ status: 'closed', closed_at: now })
        .where('id', '=', conversationId)
        .where('status', '!=', 'closed')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async updateConversationContext(conversationId: string, context: ConversationContext): Promise<void> {
      await db
        .updateTable('conversations')
        .set({ context: JSON.stringify(context) })
        .where('id', '=', conversationId)
        .execute();
    },
  };
}
