// The customer-visible history of a ticket in plain words; internal notes and SLA alerts never appear here.
import { CUSTOMER_STATUS_LABEL, PRIORITY_NAME, type EscalationLevel, type TicketStatus, type VisitorTicketEvent } from '../../../shared/ticket-model';
import type { TicketEventRecord } from './ticket-records';
import { TIER_FOR_USERS } from '../tiers';

const LEVEL_FOR_USERS: Record<EscalationLevel, string> = { ...TIER_FOR_USERS, supervisors: 'our support leads' };

function words(record: TicketEventRecord): string | null {
  const { data } = record;
  switch (record.kind) {
    case 'created':
      if (data.channel === 'chat') return 'We created this ticket from your chat.';
      if (data.channel === 'message') return 'Your message was saved as this ticket.';
      return 'Ticket created.';
    case 'reply':
      return record.text;
    case 'assigned':
      return data.assigneeName ? `${data.assigneeName} is looking after your ticket.` : 'Your ticket is waiting for the next free engineer.';
    case 'status':
      if (data.reason === 'reopened') return 'Reopened because you replied.';
      if (data.reason === 'auto_close') return 'Closed 7 days after it was solved. Replying starts a new ticket.';
      return `Status: ${CUSTOMER_STATUS_LABEL[data.to as TicketStatus] ?? data.to}.`;
    case 'priority':
      return `Priority changed to ${data.to} (${PRIORITY_NAME[data.to as keyof typeof PRIORITY_NAME] ?? ''}).`;
    case 'escalated':
      return `Your ticket was passed on to ${LEVEL_FOR_USERS[data.level as EscalationLevel] ?? 'a senior engineer'}${data.assigneeName ? `, ${data.assigneeName}` : ''}.`;
    case 'attachment':
      return `File added: ${data.fileName}`;
    case 'callback_requested':
      return `You asked us to call ${data.phone} (${data.preferredTime}).`;
    case 'callback_acknowledged':
      return `We have your call-back request and will call ${data.phone}.`;
    case 'linked':
      return `Continued in ticket ${data.ticketNumber}.`;
    case 'note':
    case 'sla_warning':
    case 'sla_breach':
      return null;
  }
}

/** The entry as the customer sees it, or null when it is not theirs to see. */
export function customerEntry(record: TicketEventRecord): VisitorTicketEvent | null {
  if (!record.public) return null;
  const text = words(record);
  if (text === null) return null;
  return {
    seq: record.seq,
    kind: record.kind,
    authorName: record.actorKind === 'system' ? 'Classroom Support' : record.actorName,
    fromSupport: record.actorKind !== 'customer',
    text,
    createdAt: record.createdAt,
  };
}
