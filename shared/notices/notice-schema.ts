// What support writes into a chat or a ticket's history, stored and sent as a code with parameters (never as
// English text); each client renders it in its reader's language with renderNotice.
import * as v from 'valibot';

const name = v.pipe(v.string(), v.maxLength(200));
const ticketNumber = v.pipe(v.string(), v.maxLength(40));
const tier = v.picklist(['L1', 'L2', 'account_manager']);
const level = v.picklist(['L1', 'L2', 'account_manager', 'supervisors']);
const status = v.picklist(['new', 'open', 'pending', 'resolved', 'closed']);
const priority = v.picklist(['P1', 'P2', 'P3', 'P4']);
const metric = v.picklist(['first_response', 'resolution']);

/** Every notice; `code` names the template, the other fields are its parameters. */
export const NoticeSchema = v.variant('code', [
  // Chat: who the user is talking to, and changes of hands.
  v.strictObject({ code: v.literal('assigned'), agent: name, tier }),
  v.strictObject({ code: v.literal('bringing_in'), target: level, manager: v.optional(name) }),
  v.strictObject({ code: v.literal('agent_left'), agent: name, reason: v.picklist(['agent_away', 'agent_deactivated', 'signed_out']) }),
  // Chat: the chat became a ticket.
  v.strictObject({ code: v.literal('chat_ticket_by_customer'), ticket: ticketNumber }),
  v.strictObject({ code: v.literal('chat_ticket_by_agent'), ticket: ticketNumber, subject: v.pipe(v.string(), v.maxLength(500)) }),
  // A ticket's history as the customer reads it.
  v.strictObject({ code: v.literal('ticket_created'), channel: v.optional(v.string()) }),
  v.strictObject({ code: v.literal('ticket_assigned'), agent: v.optional(name) }),
  v.strictObject({ code: v.literal('ticket_reopened') }),
  v.strictObject({ code: v.literal('ticket_auto_closed'), days: v.number() }),
  v.strictObject({ code: v.literal('ticket_status'), status }),
  v.strictObject({ code: v.literal('ticket_priority'), priority }),
  v.strictObject({ code: v.literal('ticket_escalated'), level, agent: v.optional(name) }),
  v.strictObject({ code: v.literal('ticket_file_added'), fileName: name }),
  v.strictObject({ code: v.literal('callback_requested'), phone: name, preferredTime: name }),
  v.strictObject({ code: v.literal('callback_acknowledged'), phone: name }),
  v.strictObject({ code: v.literal('ticket_linked'), ticket: ticketNumber }),
  // To agents (the console renders them in the agent's language): ticket alerts and account-manager notices.
  v.strictObject({ code: v.literal('alert_assigned'), ticket: ticketNumber, priority: v.optional(priority), created: v.boolean() }),
  v.strictObject({ code: v.literal('alert_callback'), ticket: ticketNumber, user: name, phone: name, preferredTime: name }),
  v.strictObject({ code: v.literal('alert_sla_warning'), ticket: ticketNumber, priority, metric, percent: v.number() }),
  v.strictObject({ code: v.literal('alert_sla_breach'), ticket: ticketNumber, priority, metric, level, agent: v.optional(name) }),
  v.strictObject({ code: v.literal('customer_chat_started'), user: v.optional(name), organisation: name, priority }),
  v.strictObject({ code: v.literal('chat_handed_to_you'), by: name, how: v.picklist(['transferred', 'escalated']), organisation: name }),
  // Text stored before notices had codes, which no known template matched: shown as it was written.
  v.strictObject({ code: v.literal('text'), text: v.pipe(v.string(), v.maxLength(10_000)) }),
]);

export type Notice = v.InferOutput<typeof NoticeSchema>;
export type NoticeCode = Notice['code'];
export type NoticeOf<C extends NoticeCode> = Extract<Notice, { code: C }>;
/** What a ticket alert says to the agents it reaches (`ticket:alert`). */
export type TicketAlertNotice = NoticeOf<'alert_assigned' | 'alert_callback' | 'alert_sla_warning' | 'alert_sla_breach'>;
/** A ticket alert's words before the ticket has its number (a new ticket is numbered when stored). */
export type TicketAlertNoticeDraft = TicketAlertNotice extends infer N ? (N extends TicketAlertNotice ? Omit<N, 'ticket'> : never) : never;
/** What an account manager is told about a customer's chat (`notice`). */
export type ManagerNotice = NoticeOf<'customer_chat_started' | 'chat_handed_to_you'>;

/** Reads a stored or received notice; null when it is not one this version knows. */
export function parseNotice(input: unknown): Notice | null {
  const parsed = v.safeParse(NoticeSchema, input);
  return parsed.success ? parsed.output : null;
}
