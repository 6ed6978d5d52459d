// The routing columns of a conversation row, written on creation and reset when an agent claims the chat.
import type { Updateable } from 'kysely';
import type { ChatRouting } from '../../domain/records';
import type { ConversationsTable } from '../schema';

export const routingColumns = (routing: ChatRouting) => ({
  priority: routing.priority,
  urgency: routing.urgency,
  queued_at: routing.queuedAt,
  first_response_due_at: routing.firstResponseDueAt,
  first_response_at: routing.firstResponseAt,
  route_target: routing.target,
  reserved_for: routing.reservedFor,
  queue_front: routing.front ? 1 : 0,
  avoid_agent_id: routing.avoidAgentId,
  assignee_replied: routing.assigneeReplied ? 1 : 0,
  attention: routing.attention,
});

/** A claimed chat leaves the queue: no place at the front, no reservation, and its new agent has not replied yet. */
export const CLAIMED = {
  queue_front: 0,
  reserved_for: null,
  avoid_agent_id: null,
  assignee_replied: 0,
  attention: null,
} satisfies Updateable<ConversationsTable>;
