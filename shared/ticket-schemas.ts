// Runtime schemas for every inbound ticket payload (widget events, REST bodies and queries).
import * as v from 'valibot';
import { LIMITS } from './limits';
import { ClientContextSchema } from './schemas';
import { AFFECTED_KEYS, IMPACT_KEYS, SINCE_KEYS } from './ticket-intake';
import { TICKET_LIMITS } from './ticket-limits';
import { TICKET_PRIORITIES, TICKET_STATUSES } from './ticket-model';

const id = v.pipe(v.string(), v.uuid('must be a UUID'));
const text = (max: number) => v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'), v.maxLength(max));
const optionalText = (max: number) => v.optional(v.pipe(v.string(), v.trim(), v.maxLength(max)));

export const TicketPrioritySchema = v.picklist(TICKET_PRIORITIES);
export const TicketStatusSchema = v.picklist(TICKET_STATUSES);

/** No payload (e.g. 'tickets:list', 'support:status'). */
export const EmptySchema = v.strictObject({});

/** An agent (console) or an API client creates a ticket: from a chat, or for an organisation's user. */
export const CreateTicketSchema = v.pipe(
  v.strictObject({
    clientId: v.optional(id),
    conversationId: v.optional(id),
    organisationId: v.optional(id),
    endUserId: v.optional(id),
    subject: text(TICKET_LIMITS.subject),
    priority: TicketPrioritySchema,
    category: optionalText(TICKET_LIMITS.category),
    description: optionalText(TICKET_LIMITS.description),
    assigneeId: v.optional(id),
  }),
  v.check((input) => !!input.conversationId || !!input.organisationId, 'conversationId or organisationId is required'),
);

export const UpdateTicketSchema = v.pipe(
  v.strictObject({
    status: v.optional(TicketStatusSchema),
    priority: v.optional(TicketPrioritySchema),
    assigneeId: v.optional(v.nullable(id)),
  }),
  v.check((input) => input.status !== undefined || input.priority !== undefined || input.assigneeId !== undefined, 'nothing to change'),
);

export const CommentSchema = v.strictObject({
  text: text(TICKET_LIMITS.reply),
  visibility: v.optional(v.picklist(['public', 'internal']), 'public'),
  clientId: v.optional(id),
});

const flag = v.optional(v.picklist(['1', 'true', '0', 'false']));

/** Query string of GET /api/tickets. */
export const ListTicketsQuerySchema = v.strictObject({
  /** 'active' (new, open, pending — the default), 'all', or a comma-separated list of statuses. */
  status: v.optional(v.pipe(v.string(), v.maxLength(60))),
  priority: v.optional(v.pipe(v.string(), v.maxLength(20))),
  /** 'me', 'unassigned' or an agent id. */
  assignee: v.optional(v.pipe(v.string(), v.maxLength(40))),
  atRisk: flag,
  breached: flag,
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/, 'must be a number'))),
});

/** The guided form in the widget; the priority follows from `impact` (and `affected`). */
export const VisitorCreateTicketSchema = v.strictObject({
  clientId: id,
  subject: optionalText(TICKET_LIMITS.subject),
  description: text(TICKET_LIMITS.description),
  steps: optionalText(TICKET_LIMITS.steps),
  since: v.optional(v.picklist(SINCE_KEYS)),
  affected: v.optional(v.picklist(AFFECTED_KEYS)),
  impact: v.picklist(IMPACT_KEYS),
  category: optionalText(TICKET_LIMITS.category),
  /** The chat the ticket continues; its history is copied into the ticket. */
  conversationId: v.optional(id),
  /** True when nobody was available and the user left a message instead of waiting. */
  leaveMessage: v.optional(v.boolean()),
  /** Where support's replies are emailed when the user has not read them; empty means none given. */
  email: v.optional(v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(LIMITS.email), v.email('is not an email address'))),
  context: ClientContextSchema,
});

export const TicketRefSchema = v.strictObject({ ticketId: id });

export const VisitorReplySchema = v.strictObject({
  ticketId: id,
  clientId: id,
  text: text(TICKET_LIMITS.reply),
});

export const CallbackRequestSchema = v.strictObject({
  ticketId: id,
  phone: v.pipe(v.string(), v.trim(), v.maxLength(TICKET_LIMITS.phone), v.regex(/^\+?[0-9][0-9 ()\-.]{4,}$/, 'is not a phone number')),
  preferredTime: text(TICKET_LIMITS.preferredTime),
});

const minutes = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(60 * 24 * 90));
const target = v.strictObject({ firstResponseMinutes: minutes, resolutionMinutes: v.nullable(minutes) });

/** Targets per priority, shaped as in the SLA policy; support plans use the same shape. */
export const SlaTargetsSchema = v.pipe(
  v.strictObject({ P1: target, P2: target, P3: target, P4: target }),
  v.check(
    (targets) => Object.values(targets).every((t) => t.resolutionMinutes === null || t.resolutionMinutes >= t.firstResponseMinutes),
    'a resolution target must not be shorter than the first response target',
  ),
);
export const WarnAtPercentSchema = v.pipe(v.number(), v.integer(), v.minValue(10), v.maxValue(99));

export const SlaPolicyInputSchema = v.strictObject({
  targets: SlaTargetsSchema,
  warnAtPercent: WarnAtPercentSchema,
});
export type SlaPolicyInput = v.InferOutput<typeof SlaPolicyInputSchema>;

/** An API token: a name, one organisation or all of them (said explicitly), and an optional expiry (epoch ms). */
export const CreateApiTokenSchema = v.pipe(
  v.strictObject({
    name: text(TICKET_LIMITS.apiTokenName),
    organisationId: v.optional(id),
    allOrganisations: v.optional(v.literal(true)),
    expiresAt: v.optional(v.pipe(v.number(), v.integer('expiresAt must be a time in milliseconds'), v.minValue(0))),
  }),
  v.check((input) => !input.organisationId !== !input.allOrganisations, 'give one organisationId, or allOrganisations: true'),
);

export type CreateTicketInput = v.InferOutput<typeof CreateTicketSchema>;
export type UpdateTicketInput = v.InferOutput<typeof UpdateTicketSchema>;
export type CommentInput = v.InferOutput<typeof CommentSchema>;
export type ListTicketsQuery = v.InferOutput<typeof ListTicketsQuerySchema>;
export type VisitorCreateTicketInput = v.InferOutput<typeof VisitorCreateTicketSchema>;
export type CallbackRequestInput = v.InferOutput<typeof CallbackRequestSchema>;
