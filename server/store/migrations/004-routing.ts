// Routing by urgency and deadline, grace after a console drops, hand-overs, internal notes and canned replies.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Conversations: priority and first-response deadline, who may take it from the queue, and whether it
  // waits at the front (its agent left, or it was handed over).
  const columns: Array<[string, 'text' | 'integer' | 'bigint', string | number | null]> = [
    ['priority', 'text', 'P3'],
    ['urgency', 'text', null],
    ['queued_at', 'bigint', 0],
    ['first_response_due_at', 'bigint', 0],
    ['first_response_at', 'bigint', null],
    ['route_target', 'text', 'L1'],
    ['reserved_for', 'text', null],
    ['queue_front', 'integer', 0],
    ['avoid_agent_id', 'text', null],
    ['assignee_replied', 'integer', 0],
    ['attention', 'text', null],
  ];
  for (const [name, type, fallback] of columns) {
    await db.schema
      .alterTable('conversations')
      .addColumn(name, type, (c) => (fallback === null ? c : c.notNull().defaultTo(fallback)))
      .execute();
  }
  // Chats from before this migration: queued when created, due as P3 chats.
  await sql`update conversations set queued_at = created_at, first_response_due_at = created_at + 7200000`.execute(db);

  // Set while an agent's last console is gone and the grace period runs; routing skips them meanwhile.
  await db.schema.alterTable('agents').addColumn('disconnected_at', 'bigint').execute();

  await db.schema
    .createTable('chat_moves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('from_agent_id', 'text')
    .addColumn('from_agent_name', 'text')
    .addColumn('to_agent_id', 'text')
    .addColumn('to_agent_name', 'text')
    .addColumn('to_target', 'text')
    .addColumn('reason', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    // 1, 2, 3 … per conversation: several moves can share a millisecond and must keep their order.
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chat_moves_conversation').on('chat_moves').columns(['conversation_id', 'position']).execute();

  // Agents who held a conversation before keep read access to it.
  await db.schema
    .createTable('previous_assignees')
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('since', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('previous_assignees_pk', ['conversation_id', 'agent_id'])
    .execute();
  await db.schema.createIndex('previous_assignees_agent').on('previous_assignees').columns(['agent_id']).execute();

  await db.schema
    .createTable('internal_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('internal_notes_author_client_id', ['author_id', 'client_id'])
    .execute();
  await db.schema.createIndex('internal_notes_conversation').on('internal_notes').columns(['conversation_id', 'created_at']).execute();

  await db.schema
    .createTable('canned_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shortcut', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}
