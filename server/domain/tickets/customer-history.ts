// The customer-visible history of a ticket as notices (codes rendered in the reader's language); internal notes
// and SLA alerts never appear here.
import type { EscalationLevel, TicketPriority, TicketStatus, VisitorTicketEvent } from '../../../shared/ticket-model';
import { renderNotice, type Notice } from '../../../shared/notices';
import { SYSTEM_AUTHOR } from '../../../shared/system-author';
import type { TicketEventRecord } from './ticket-records';

/** Days after which a solved ticket closes by itself (the workflow's auto_close). */
const AUTO_CLOSE_DAYS = 7;

function noticeOf(record: TicketEventRecord): Notice | null {
  const { data } = record;
  const agent = data.assigneeName ? { agent: data.assigneeName } : {};
  switch (record.kind) {
    case 'created':
      return data.channel ? { code: 'ticket_created', channel: data.channel } : { code: 'ticket_created' };
    case 'assigned':
      return { code: 'ticket_assigned', ...agent };
    case 'status':
      if (data.reason === 'reopened') return { code: 'ticket_reopened' };
      if (data.reason === 'auto_close') return { code: 'ticket_auto_closed', days: AUTO_CLOSE_DAYS };
      return { code: 'ticket_status', status: data.to as TicketStatus };
    case 'priority':
      return { code: 'ticket_priority', priority: data.to as TicketPriority };
    case 'escalated':
      return { code: 'ticket_escalated', level: (data.level ?? 'L2') as EscalationLevel, ...agent };
    case 'attachment':
      return { code: 'ticket_file_added', fileName: data.fileName ?? '' };
    case 'callback_requested':
      return { code: 'callback_requested', phone: data.phone ?? '', preferredTime: data.preferredTime ?? '' };
    case 'callback_acknowledged':
      return { code: 'callback_acknowledged', phone: data.phone ?? '' };
    case 'linked':
      return { code: 'ticket_linked', ticket: data.ticketNumber ?? '' };
    case 'reply':
    case 'note':
    case 'sla_warning':
    case 'sla_breach':
    case 'incident':
      return null;
  }
}

/** The entry as the customer sees it, or null when it is not theirs to see. */
export function customerEntry(record: TicketEventRecord): VisitorTicketEvent | null {
  if (!record.public) return null;
  const notice = record.kind === 'reply' ? null : noticeOf(record);
  if (record.kind === 'reply' ? record.text === null : !notice) return null;
  return {
    seq: record.seq,
    kind: record.kind,
    authorName: record.actorKind === 'system' ? SYSTEM_AUTHOR : record.actorName,
    fromSupport: record.actorKind !== 'customer',
    text: notice ? renderNotice(notice, 'en') : (record.text ?? ''),
    notice,
    createdAt: record.createdAt,
  };
}
