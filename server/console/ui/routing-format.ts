// Wording for routing in the console: priorities, deadlines, tiers and moves.
import type { Priority, Urgency } from '../../../shared/chat-priority';
import { texts } from '../i18n/i18n';
import type { RoutingTarget } from '../../../shared/model';
import type { ChatMove, Presence } from '../../../shared/routing-model';
import { formatAge } from './format';

const timeTexts = texts('time');
const chatTexts = texts('chat');
const appTexts = texts('app');
const contextTexts = texts('context');
const moveTexts = texts('moves');
const peopleTexts = texts('people');

/** An agent's presence, in the console's language. */
export const presenceLabel = (presence: Presence): string => peopleTexts.get()[presence];

/** A priority in the console's language, e.g. "P1 urgent" / 「P1 紧急」. */
export const priorityLabel = (priority: Priority): string => {
  const t = chatTexts.get();
  return { P1: t.p1, P2: t.p2, P3: t.p3, P4: t.p4 }[priority];
};

/** A routing target in the console's language. */
export const targetLabel = (target: RoutingTarget): string =>
  target === 'account_manager' ? appTexts.get().accountManager : target === 'supervisors' ? appTexts.get().supervisors : target;

/** The user's own urgency choice in the console's language. */
export const urgencyLabel = (urgency: Urgency): string => {
  const t = contextTexts.get();
  return {
    class_stopped: t.urgencyClassStopped,
    cannot_take_part: t.urgencyCannotTakePart,
    not_working_well: t.urgencyNotWorkingWell,
    question: t.urgencyQuestion,
  }[urgency];
};

/** "due in 12 min" or "overdue by 3 min", for a first-response deadline. */
export function formatDue(dueAt: number, now: number): string {
  const t = timeTexts.get();
  const age = (ms: number) => (ms < 60_000 ? t.underAMinute : formatAge(ms));
  return dueAt >= now ? t.dueIn({ time: age(dueAt - now) }) : t.overdueBy({ time: age(now - dueAt) });
}

/** One line for agents about a change of hands, in the console's language. */
export function describeMove(move: ChatMove): string {
  const t = moveTexts.get();
  const name = (person: { name: string } | null, fallback: string) => person?.name ?? fallback;
  const actor = name(move.actor, t.routing);
  const target = move.toTarget ? targetLabel(move.toTarget) : '';
  switch (move.kind) {
    case 'assigned':
      return t.assigned({ to: name(move.to, t.anAgent) });
    case 'picked':
      return t.picked({ actor });
    case 'transferred':
      return move.to && !move.toTarget ? t.transferredTo({ actor, to: move.to.name }) : t.transferredQueue({ actor, target });
    case 'escalated':
      return move.to ? t.escalatedTo({ actor, to: move.to.name, target }) : t.escalated({ actor, target });
    case 'requeued': {
      const from = name(move.from, t.theAgent);
      return move.reason === 'agent_away'
        ? t.lostConnection({ from })
        : move.reason === 'signed_out'
          ? t.signedOut({ from })
          : t.deactivated({ from });
    }
    case 'notified':
      return t.notified({ to: name(move.to, t.theAccountManager) });
  }
}
