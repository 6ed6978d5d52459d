// How a new chat enters routing: its priority from the user's urgency choice and classroom context, and from
// that its first-response deadline; any L1 or L2 engineer may take it.
import { chatFirstResponseDue } from '../../../shared/chat-first-response';
import { chatPriority, type Urgency } from '../../../shared/chat-priority';
import type { ConversationContext } from '../../../shared/model';
import type { ChatRouting } from '../records';

export function initialRouting(context: ConversationContext, urgency: Urgency | null, arrivedAt: number): ChatRouting {
  const priority = chatPriority(urgency, { role: context.role ?? null, liveClass: context.liveClass === true });
  return {
    priority,
    urgency,
    queuedAt: arrivedAt,
    firstResponseDueAt: chatFirstResponseDue(priority, arrivedAt),
    firstResponseAt: null,
    target: 'L1',
    reservedFor: null,
    attention: null,
    front: false,
    avoidAgentId: null,
    assigneeReplied: false,
  };
}
