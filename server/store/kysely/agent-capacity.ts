// An agent's load in SQL: the active-chats count, and the lock-then-count step every assignment starts with.
import type { ExpressionBuilder, Transaction } from 'kysely';
import type { Database } from '../schema';

/** `active_chats` of the agent aliased `a`, as a column of a select. */
export const activeChatsOf = (eb: ExpressionBuilder<Database & { a: Database['agents'] }, 'a'>) =>
  eb
    .selectFrom('conversations as c')
    .select((inner) => inner.fn.countAll().as('n'))
    .whereRef('c.assignee_id', '=', 'a.id')
    .where('c.status', '=', 'active')
    .as('active_chats');

/**
 * Inside an assignment's transaction: true if the agent is active (available and connected too, unless
 * `anyPresence`) and below capacity. Writing the agent row first takes the lock (SQLite's write lock,
 * PostgreSQL's row lock), so concurrent assignments to one agent serialise and the count stays true.
 */
export async function lockAgentWithRoom(trx: Transaction<Database>, agentId: string, anyPresence = false): Promise<boolean> {
  let lock = trx
    .updateTable('agents')
    .set((eb) => ({ capacity: eb.ref('capacity') }))
    .where('id', '=', agentId)
    .where('active', '=', 1);
  if (!anyPresence) lock = lock.where('presence', '=', 'available').where('disconnected_at', 'is', null);
  const agent = await lock.returning('capacity').executeTakeFirst();
  if (!agent) return false;
  const load = await trx
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('assignee_id', '=', agentId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(load.n) < agent.capacity;
}
