// Wording for tickets in the console, in the agent's language: live countdowns, SLA clock lines, names of
// statuses, priorities and channels, and history entries.
import type { EscalationLevel, SlaClock, TicketChannel, TicketEvent, TicketPriority, TicketStatus } from '../../../../shared/ticket-model';
import { texts } from '../../i18n/i18n';
import { formatClock } from '../format';
import { describeIncidentStep } from '../monitoring/incident-format';
import { targetLabel } from '../routing-format';

const ticketTexts = texts('tickets');
const pad = (n: number) => String(n).padStart(2, '0');

/** "04:07" under an hour (minutes:seconds, for the last stretch), "3 h 05 min", "2 d 4 h" (「3 小时 05 分」). */
export function formatCountdown(ms: number): string {
  const t = ticketTexts.get();
  const seconds = Math.floor(Math.abs(ms) / 1000);
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  if (hours >= 24) return t.countdownDays({ days: Math.floor(hours / 24), hours: hours % 24 });
  if (hours >= 1) return t.countdownHours({ hours, minutes: pad(minutes % 60) });
  return `${pad(minutes)}:${pad(seconds % 60)}`;
}

export type Tone = 'ok' | 'warn' | 'danger' | 'muted';

/** One SLA clock in a few words, with the tone to show it in. */
export function clockLine(clock: SlaClock, now: number): { text: string; tone: Tone } {
  const t = ticketTexts.get();
  if (clock.metAt !== null) {
    return clock.breachedAt !== null
      ? { text: t.metLate({ time: formatClock(clock.metAt) }), tone: 'danger' }
      : { text: t.met({ time: formatClock(clock.metAt) }), tone: 'ok' };
  }
  if (clock.targetMs === null) return { text: t.noTarget, tone: 'muted' };
  if (clock.remainingMs !== null) return { text: t.pausedLeft({ time: formatCountdown(clock.remainingMs) }), tone: 'muted' };
  if (clock.dueAt === null) return { text: clock.breachedAt !== null ? t.missed : '—', tone: clock.breachedAt !== null ? 'danger' : 'muted' };
  const left = clock.dueAt - now;
  if (left < 0 || clock.breachedAt !== null) return { text: t.overdue({ time: formatCountdown(left) }), tone: 'danger' };
  return { text: t.left({ time: formatCountdown(left) }), tone: clock.warnedAt !== null ? 'warn' : 'ok' };
}

/** "Pending" / 「等待客户」. */
export function statusName(status: TicketStatus): string {
  const t = ticketTexts.get();
  return { new: t.statusNew, open: t.statusOpen, pending: t.statusPending, resolved: t.statusResolved, closed: t.statusClosed }[status] ?? status;
}

/** "Urgent" / 「紧急」. */
export function priorityName(priority: TicketPriority): string {
  const t = ticketTexts.get();
  return { P1: t.priorityP1, P2: t.priorityP2, P3: t.priorityP3, P4: t.priorityP4 }[priority];
}

/** "P1 — Urgent: service fully unavailable, all users affected", for priority pickers. */
export function priorityOption(priority: TicketPriority): string {
  const t = ticketTexts.get();
  return { P1: t.optionP1, P2: t.optionP2, P3: t.optionP3, P4: t.optionP4 }[priority];
}

/** "the widget form" / 「客服组件中的表单」: where a ticket came from. */
export function channelName(channel: TicketChannel): string {
  const t = ticketTexts.get();
  return {
    chat: t.channelChat,
    widget: t.channelWidget,
    message: t.channelMessage,
    api: t.channelApi,
    console: t.channelConsole,
    follow_up: t.channelFollowUp,
  }[channel];
}

/** A ticket category (stored in English, as the API names it) in the console's language; unknown ones as they are. */
export function categoryName(category: string): string {
  const t = ticketTexts.get();
  const names: Record<string, string> = {
    Audio: t.categoryAudio,
    Video: t.categoryVideo,
    'Screen sharing': t.categoryScreenSharing,
    'Joining a class': t.categoryJoining,
    Connection: t.categoryConnection,
    Account: t.categoryAccount,
    Other: t.categoryOther,
  };
  return names[category] ?? category;
}

export const levelName = (level: EscalationLevel): string => targetLabel(level);

/** The console's line for a history entry; replies and notes show their own text instead. */
export function describeEvent(event: TicketEvent): string {
  const t = ticketTexts.get();
  const d = event.data;
  const metric = d.metric === 'first_response' ? t.metricFirstResponse : d.metric === 'resolution' ? t.metricResolution : t.metricTarget;
  const due = d.dueAt ? t.due({ time: formatClock(d.dueAt) }) : '';
  const status = (s: string | undefined) => (s ? statusName(s as TicketStatus) : '');
  const reason = { customer_reply: t.reasonCustomerReply, reopened: t.reasonReopened, auto_close: t.reasonAutoClose }[d.reason ?? ''] ?? '';
  switch (event.kind) {
    case 'created': {
      const channel = channelName(d.channel ?? 'console');
      const created = d.to ? t.eventCreatedAs({ channel, priority: d.to }) : t.eventCreated({ channel });
      return created + (d.ticketNumber ? t.followingUp({ number: d.ticketNumber }) : '');
    }
    case 'assigned':
      return d.assigneeName ? t.eventAssigned({ name: d.assigneeName }) : t.eventUnassigned;
    case 'status':
      return t.eventStatus({ from: status(d.from), to: status(d.to) }) + reason;
    case 'priority':
      return t.eventPriority({ from: d.from ?? '', to: d.to ?? '' });
    case 'escalated': {
      const level = levelName(d.level ?? 'supervisors');
      return d.assigneeName ? t.eventEscalatedTo({ level, name: d.assigneeName, metric }) : t.eventEscalated({ level, metric });
    }
    case 'sla_warning':
      return t.eventSlaWarning({ metric, due });
    case 'sla_breach':
      return t.eventSlaBreach({ metric, due });
    case 'attachment':
      return t.eventAttachment({ file: d.fileName ?? '' });
    case 'callback_requested':
      return t.eventCallbackRequested({ phone: d.phone ?? '', time: d.preferredTime ?? '' });
    case 'callback_acknowledged':
      return t.eventCallbackTaken({ name: event.actor.name, phone: d.phone ?? '' });
    case 'linked':
      return t.eventLinked({ number: d.ticketNumber ?? '' });
    case 'incident':
      return describeIncidentStep(event);
    case 'reply':
    case 'note':
      return event.text ?? '';
  }
}
