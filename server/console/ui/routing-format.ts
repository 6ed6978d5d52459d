// Wording for routing in the console: priorities, deadlines, tiers and moves.
import { URGENCY_LABELS, type Priority } from '../../../shared/chat-priority';
import type { RoutingTarget } from '../../../shared/model';
import type { ChatMove, Presence } from '../../../shared/routing-model';
import { formatAge } from './format';

export const PRIORITY_LABEL: Record<Priority, string> = { P1: 'P1 urgent', P2: 'P2 high', P3: 'P3 medium', P4: 'P4 low' };

export const TARGET_LABEL: Record<RoutingTarget, string> = {
  L1: 'L1',
  L2: 'L2',
  account_manager: 'Account manager',
  supervisors: 'Supervisors',
};

export const PRESENCE_LABEL: Record<Presence, string> = { available: 'Available', away: 'Away', offline: 'Offline' };

export { URGENCY_LABELS };

/** "due in 12 min" or "overdue by 3 min", for a first-response deadline. */
export function formatDue(dueAt: number, now: number): string {
  return dueAt >= now ? `due in ${formatAge(dueAt - now).replace('just now', 'under a minute')}` : `overdue by ${formatAge(now - dueAt).replace('just now', 'under a minute')}`;
}

const name = (person: { name: string } | null, fallback: string) => person?.name ?? fallback;

/** One line for agents about a change of hands. */
export function describeMove(move: ChatMove): string {
  const actor = name(move.actor, 'Routing');
  const target = move.toTarget ? TARGET_LABEL[move.toTarget] : '';
  switch (move.kind) {
    case 'assigned':
      return `Routing assigned this chat to ${name(move.to, 'an agent')}`;
    case 'picked':
      return `${actor} took this chat from the queue`;
    case 'transferred':
      return move.to && !move.toTarget ? `${actor} transferred this chat to ${move.to.name}` : `${actor} transferred this chat to the ${target} queue`;
    case 'escalated':
      return `${actor} escalated this chat to ${move.to ? `${move.to.name} (${target})` : target}`;
    case 'requeued': {
      const why = move.reason === 'agent_away' ? 'lost their connection' : move.reason === 'signed_out' ? 'signed out' : 'was deactivated';
      return `${name(move.from, 'The agent')} ${why}; the chat went back to the front of the queue`;
    }
    case 'notified':
      return `${name(move.to, 'The account manager')} (account manager) was notified`;
  }
}
