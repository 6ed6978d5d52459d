// How a new chat enters routing: its priority from the user's urgency choice and the classroom facts we may
// believe, and from that its first-response deadline; any L1 or L2 engineer may take it.
import { chatFirstResponseDue } from '../../../shared/chat-first-response';
import { chatPriority, type Priority, type PriorityContext, type Urgency } from '../../../shared/chat-priority';
import { calendarFor, type SupportPlan } from '../../../shared/support-plan';
import { closesAt } from '../sla/business-time';
import type { ChatRouting } from '../records';

/**
 * `claims`: only what may raise the priority (see `priorityClaims`), never the page's say-so alone.
 * `planTargets`: the organisation's support plan; where its first-response target is faster than the chat
 * target, the chat is due (and so queued) by the plan's. `raise`: a launch window's rule.
 * `businessHours`: the plan's opening hours. A chat that arrives while the desk is open is due by closing time at
 * the latest: nobody answers it after that, so a 4-hour question that came at 16:00 must not keep waiting behind
 * later, shorter deadlines until the desk has closed (docs/routing.md, "Fairness").
 */
export function initialRouting(
  claims: PriorityContext,
  urgency: Urgency | null,
  arrivedAt: number,
  planTargets?: SupportPlan['targets'] | null,
  /** During the organisation's launch window: one step more urgent. */
  raise?: (priority: Priority) => Priority,
  businessHours?: SupportPlan['businessHours'],
): ChatRouting {
  const base = chatPriority(urgency, { role: claims.role ?? null, liveClass: claims.liveClass === true });
  const priority = raise ? raise(base) : base;
  const standard = chatFirstResponseDue(priority, arrivedAt);
  const planned = planTargets ? arrivedAt + planTargets[priority].firstResponseMinutes * 60_000 : standard;
  const closing = closesAt(calendarFor(businessHours ?? null, priority), arrivedAt) ?? Number.POSITIVE_INFINITY;
  return {
    priority,
    urgency,
    queuedAt: arrivedAt,
    firstResponseDueAt: Math.min(standard, planned, closing),
    firstResponseAt: null,
    target: 'L1',
    reservedFor: null,
    attention: null,
    front: false,
    avoidAgentId: null,
    assigneeReplied: false,
  };
}
