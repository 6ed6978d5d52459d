// How a new chat enters routing: its priority from the user's urgency choice and the classroom facts we may
// believe, and from that its first-response deadline; any L1 or L2 engineer may take it.
import { chatFirstResponseDue } from '../../../shared/chat-first-response';
import { chatPriority, type PriorityContext, type Urgency } from '../../../shared/chat-priority';
import type { ChatRouting } from '../records';

/** `claims`: only what may raise the priority (see `priorityClaims`), never the page's say-so alone. */
export function initialRouting(claims: PriorityContext, urgency: Urgency | null, arrivedAt: number): ChatRouting {
  const priority = chatPriority(urgency, { role: claims.role ?? null, liveClass: claims.liveClass === true });
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
