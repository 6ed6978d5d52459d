// English templates for every notice code.
import type { NoticeTemplates } from './templates';

const TIER = { L1: 'a support engineer', L2: 'a senior engineer', account_manager: 'your account manager' } as const;
const NEXT = { L1: 'another support engineer', L2: TIER.L2, account_manager: TIER.account_manager, supervisors: 'a support supervisor' } as const;
const LEVEL = { ...TIER, supervisors: 'our support leads' } as const;
const STATUS = { new: 'Received', open: 'In progress', pending: 'Waiting for your reply', resolved: 'Solved', closed: 'Closed' } as const;
const PRIORITY = { P1: 'Urgent', P2: 'High', P3: 'Medium', P4: 'Low' } as const;

export const EN: NoticeTemplates = {
  assigned: (n) => `You are now talking to ${n.agent}, ${TIER[n.tier]}.`,
  bringing_in: (n) => `We are bringing in ${NEXT[n.target]}${n.manager ? `, ${n.manager}` : ''}. You stay at the front of the queue.`,
  agent_left: (n) =>
    `${n.agent} ${n.reason === 'agent_away' ? 'lost their connection' : 'is no longer available'}. ` +
    'You are back at the front of the queue, and the next free engineer will continue with you.',
  chat_ticket_by_customer: (n) => `We turned this chat into ticket ${n.ticket}. Follow it under Tickets; we will reply there.`,
  chat_ticket_by_agent: (n) => `Ticket ${n.ticket} was created for this chat: "${n.subject}". You can follow it under Tickets.`,
  ticket_created: (n) =>
    n.channel === 'chat' ? 'We created this ticket from your chat.' : n.channel === 'message' ? 'Your message was saved as this ticket.' : 'Ticket created.',
  ticket_assigned: (n) => (n.agent ? `${n.agent} is looking after your ticket.` : 'Your ticket is waiting for the next free engineer.'),
  ticket_reopened: () => 'Reopened because you replied.',
  ticket_auto_closed: (n, f) => `Closed ${f.days(n.days)} after it was solved. Replying starts a new ticket.`,
  ticket_status: (n) => `Status: ${STATUS[n.status]}.`,
  ticket_priority: (n) => `Priority changed to ${n.priority} (${PRIORITY[n.priority]}).`,
  ticket_escalated: (n) => `Your ticket was passed on to ${LEVEL[n.level]}${n.agent ? `, ${n.agent}` : ''}.`,
  ticket_file_added: (n) => `File added: ${n.fileName}`,
  callback_requested: (n) => `You asked us to call ${n.phone} (${n.preferredTime}).`,
  callback_acknowledged: (n) => `We have your call-back request and will call ${n.phone}.`,
  ticket_linked: (n) => `Continued in ticket ${n.ticket}.`,
  text: (n) => n.text,
};
