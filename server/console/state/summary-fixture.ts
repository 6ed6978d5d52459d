// A conversation summary with sensible defaults, for the console's store tests.
import type { ConversationSummary } from '../../../shared/model';

export const aSummary = (id: string, change: Partial<ConversationSummary> = {}): ConversationSummary =>
  ({
    id,
    status: 'queued',
    user: { id: `u-${id}`, name: `User ${id}`, role: 'student', verified: true },
    organisation: 'Org',
    classroomId: null,
    assignee: null,
    createdAt: 0,
    lastSeq: 1,
    preview: '',
    routing: {
      priority: 'P3',
      urgency: null,
      firstResponseDueAt: 2 * 3600_000,
      firstResponseAt: null,
      queuedAt: 0,
      front: false,
      target: 'L1',
      reservedFor: null,
      attention: null,
      previousAgentIds: [],
    },
    ...change,
  }) as ConversationSummary;
