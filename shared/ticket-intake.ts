// The guided ticket form's plain-language choices and how they map to a priority; shared so both sides agree.
import { chatPriority, URGENCIES, URGENCY_LABELS, type Urgency } from './chat-priority';
import type { TicketPriority } from './ticket-model';

/**
 * "How bad is it?" The same plain-language choices the widget offers before a chat (chat-priority.ts),
 * so a user answers one question one way whether they chat or leave a ticket.
 */
export const IMPACT_KEYS = URGENCIES;
export type Impact = Urgency;
export const IMPACT_LABELS = URGENCY_LABELS;

export const AFFECTED = {
  me: 'Just me',
  few: 'A few people',
  class: 'The whole class',
  classes: 'Several classes',
} as const;
export type Affected = keyof typeof AFFECTED;
export const AFFECTED_KEYS = Object.keys(AFFECTED) as Affected[];

export const SINCE = {
  now: 'Just now',
  today: 'Earlier today',
  days: 'For a few days',
  longer: 'Longer than that',
} as const;
export type Since = keyof typeof SINCE;
export const SINCE_KEYS = Object.keys(SINCE) as Since[];

export const TICKET_CATEGORIES = ['Audio', 'Video', 'Screen sharing', 'Joining a class', 'Connection', 'Account', 'Other'] as const;

/**
 * The priority of a guided-form ticket: the user's answer decides, as for a chat (without the live-class
 * bump: a ticket is for later). When people cannot take part and that is the whole class, the class is
 * down: P1.
 */
export function priorityFromImpact(impact: Impact, affected?: Affected): TicketPriority {
  if (impact === 'cannot_take_part' && (affected === 'class' || affected === 'classes')) return 'P1';
  return chatPriority(impact, {});
}
