// Wording for tickets in the console: live countdowns, SLA clock lines and history entries.
import {
  LEVEL_NAME,
  PRIORITY_MEANING,
  PRIORITY_NAME,
  STATUS_NAME,
  type SlaClock,
  type TicketChannel,
  type TicketEvent,
  type TicketPriority,
  type TicketStatus,
} from '../../../../shared/ticket-model';
import { formatClock } from '../format';
import { describeIncidentStep } from '../monitoring/incident-format';

const pad = (n: number) => String(n).padStart(2, '0');

/** "04:07" under an hour (minutes:seconds, for the last stretch), "3 h 05 min", "2 d 4 h". */
export function formatCountdown(ms: number): string {
  const seconds = Math.floor(Math.abs(ms) / 1000);
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  if (hours >= 24) return `${Math.floor(hours / 24)} d ${hours % 24} h`;
  if (hours >= 1) return `${hours} h ${pad(minutes % 60)} min`;
  return `${pad(minutes)}:${pad(seconds % 60)}`;
}

export type Tone = 'ok' | 'warn' | 'danger' | 'muted';

/** One SLA clock in a few words, with the tone to show it in. */
export function clockLine(clock: SlaClock, now: number): { text: string; tone: Tone } {
  if (clock.metAt !== null) {
    return clock.breachedAt !== null ? { text: `met late, ${formatClock(clock.metAt)}`, tone: 'danger' } : { text: `met ${formatClock(clock.metAt)}`, tone: 'ok' };
  }
  if (clock.targetMs === null) return { text: 'no target', tone: 'muted' };
  if (clock.remainingMs !== null) return { text: `paused, ${formatCountdown(clock.remainingMs)} left`, tone: 'muted' };
  if (clock.dueAt === null) return { text: clock.breachedAt !== null ? 'missed' : '—', tone: clock.breachedAt !== null ? 'danger' : 'muted' };
  const left = clock.dueAt - now;
  if (left < 0 || clock.breachedAt !== null) return { text: `overdue ${formatCountdown(left)}`, tone: 'danger' };
  return { text: `${formatCountdown(left)} left`, tone: clock.warnedAt !== null ? 'warn' : 'ok' };
}

export const PRIORITY_OPTION: Record<TicketPriority, string> = {
  P1: `P1 — ${PRIORITY_NAME.P1}: ${PRIORITY_MEANING.P1}`,
  P2: `P2 — ${PRIORITY_NAME.P2}: ${PRIORITY_MEANING.P2}`,
  P3: `P3 — ${PRIORITY_NAME.P3}: ${PRIORITY_MEANING.P3}`,
  P4: `P4 — ${PRIORITY_NAME.P4}: ${PRIORITY_MEANING.P4}`,
};

export const CHANNEL_NAME: Record<TicketChannel, string> = {
  chat: 'a chat',
  widget: 'the widget form',
  message: 'a message left while nobody was available',
  api: 'the API',
  console: 'the console',
  follow_up: 'a reply to a closed ticket',
};

const REASON: Record<string, string> = {
  customer_reply: ' (the customer replied)',
  reopened: ' (reopened by the customer’s reply)',
  auto_close: ' (7 days after it was resolved)',
};

const METRIC = { first_response: 'first response', resolution: 'resolution' } as const;

/** The console's line for a history entry; replies and notes show their own text instead. */
export function describeEvent(event: TicketEvent): string {
  const d = event.data;
  const metric = d.metric ? METRIC[d.metric] : 'target';
  const due = d.dueAt ? `, due ${formatClock(d.dueAt)}` : '';
  switch (event.kind) {
    case 'created':
      return `Created from ${CHANNEL_NAME[d.channel ?? 'console']}${d.to ? ` as ${d.to}` : ''}${d.ticketNumber ? `, following up ${d.ticketNumber}` : ''}`;
    case 'assigned':
      return d.assigneeName ? `Assigned to ${d.assigneeName}` : 'Unassigned';
    case 'status':
      return `Status ${STATUS_NAME[d.from as TicketStatus] ?? d.from} → ${STATUS_NAME[d.to as TicketStatus] ?? d.to}${REASON[d.reason ?? ''] ?? ''}`;
    case 'priority':
      return `Priority ${d.from} → ${d.to}`;
    case 'escalated':
      return `Escalated to ${LEVEL_NAME[d.level ?? 'supervisors']}${d.assigneeName ? ` (${d.assigneeName})` : ''} after the missed ${metric}`;
    case 'sla_warning':
      return `SLA warning: ${metric}${due}`;
    case 'sla_breach':
      return `SLA breached: ${metric}${due}`;
    case 'attachment':
      return `Attached ${d.fileName}`;
    case 'callback_requested':
      return `Call-back requested: ${d.phone} (${d.preferredTime})`;
    case 'callback_acknowledged':
      return `Call-back taken by ${event.actor.name}: ${d.phone}`;
    case 'linked':
      return `Continued in ${d.ticketNumber}`;
    case 'incident':
      return describeIncidentStep(event);
    case 'reply':
    case 'note':
      return event.text ?? '';
  }
}
