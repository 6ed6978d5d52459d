// First-response targets of live chats (P1 15 min … P4 4 h) and the deadline math; pure, so the server,
// the console and the routing benchmark agree on what "on time" means. Ticket SLAs are a separate policy.
import type { Priority } from './chat-priority';

const MINUTE = 60_000;

/** How long a chat may wait for its first agent reply, by priority, in plain clock time. */
export const CHAT_FIRST_RESPONSE_TARGET_MS: Record<Priority, number> = {
  P1: 15 * MINUTE,
  P2: 30 * MINUTE,
  P3: 120 * MINUTE,
  P4: 240 * MINUTE,
};

/** A chat counts as close to its deadline once this share of its target has passed. */
export const CHAT_FIRST_RESPONSE_WARNING_SHARE = 0.75;

/** When the first agent reply is due for a chat that arrived at `arrivedAt`. */
export const chatFirstResponseDue = (priority: Priority, arrivedAt: number): number => arrivedAt + CHAT_FIRST_RESPONSE_TARGET_MS[priority];

/** Close to the deadline (or past it) and still unanswered at `now`. */
export function chatFirstResponseAtRisk(priority: Priority, dueAt: number, now: number): boolean {
  const target = CHAT_FIRST_RESPONSE_TARGET_MS[priority];
  return now >= dueAt - target * (1 - CHAT_FIRST_RESPONSE_WARNING_SHARE);
}

/** Missed: answered after the deadline, or still unanswered at `now` with the deadline behind it. */
export const chatFirstResponseBreached = (dueAt: number, respondedAt: number | null, now: number): boolean => (respondedAt ?? now) > dueAt;
