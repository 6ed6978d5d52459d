// English templates for every notice code.
import type { NoticeTemplates } from './templates';

const TIER = { L1: 'a support engineer', L2: 'a senior engineer', account_manager: 'your account manager' } as const;
const NEXT = { L1: 'another support engineer', L2: TIER.L2, account_manager: TIER.account_manager, supervisors: 'a support supervisor' } as const;
const LEVEL = { ...TIER, supervisors: 'our support leads' } as const;
const STATUS = { new: 'Received', open: 'In progress', pending: 'Waiting for your reply', resolved: 'Solved', closed: 'Closed' } as const;
const PRIORITY = { P1: 'Urgent', P2: 'High', P3: 'Medium', P4: 'Low' } as const;

// How agents name levels and SLA targets (the console's own words for them).
const AGENT_LEVEL = { L1: 'L1', L2: 'L2', account_manager: 'Account manager', supervisors: 'Supervisors' } as const;
const METRIC = { first_response: 'first response', resolution: 'resolution' } as const;

export const EN: NoticeTemplates = {
  assigned: (n) => `You are now talking to ${n.agent}, ${TIER[n.tier]}.`,
  bringing_in: (n) => `We are bringing in ${NEXT[n.target]}${n.manager ? `, ${n.manager}` : ''}. You stay at the front of the queue.`,
  agent_left: (n) =>
    `${n.agent} ${n.reason === 'agent_away' ? 'lost their connection' : 'is no longer available'}. ` +
    'You are back at the front of the queue, and the next free engineer will continue with you.',
  chat_ticket_by_customer: (n) => `We turned this chat into ticket ${n.ticket}. Follow it under Tickets; we will reply there.`,
  chat_ticket_by_agent: (n) => `Ticket ${n.ticket} was created for this chat: "${n.subject}". You can follow it under Tickets.`,
  ticket_created: (n) =>
    n.channel === 'chat'
      ? 'We created this ticket from your chat.'
      : n.channel === 'message'
        ? 'Your message was saved as this ticket.'
        : 'Ticket created.',
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
  // To agents.
  alert_assigned: (n) =>
    n.created ? `A new ${n.priority ? `${n.priority} ` : ''}ticket, ${n.ticket}, was assigned to you` : `${n.ticket} was assigned to you`,
  alert_callback: (n) => `${n.user} asks for a call back on ${n.ticket}: ${n.phone} (${n.preferredTime})`,
  alert_sla_warning: (n) => `${n.ticket} (${n.priority}) has used ${n.percent}% of its ${METRIC[n.metric]} time`,
  alert_sla_breach: (n) =>
    `${n.ticket} (${n.priority}) missed its ${METRIC[n.metric]} target and was escalated to ${n.agent ? `${n.agent} (${AGENT_LEVEL[n.level]})` : AGENT_LEVEL[n.level]}`,
  customer_chat_started: (n) => `${n.user ?? 'Someone'} from ${n.organisation} started a ${n.priority} chat.`,
  chat_handed_to_you: (n) => `${n.by} ${n.how} a chat from ${n.organisation} to you.`,
  text: (n) => n.text,
};
