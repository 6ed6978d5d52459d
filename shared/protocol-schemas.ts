// One runtime schema per client-to-server socket event, beside the event maps (protocol.ts): the server validates
// every request with the schema its event names, and the types below tie each schema to its event's payload.
import * as v from 'valibot';
import type { Ack, AgentClientEvents, VisitorClientEvents } from './protocol';
import { ArticleFeedbackSchema, ArticleRefSchema, SearchArticlesSchema, SuggestArticlesSchema } from './article-schemas';
import { QualityReportSchema } from './quality-schemas';
import { FetchReadsSchema, MarkReadSchema } from './read-state-schemas';
import { AddNoteSchema, EscalateSchema, TransferSchema } from './routing-schemas';
import { RateSchema } from './satisfaction';
import {
  ConversationRefSchema,
  FetchHistorySchema,
  SendMessageSchema,
  SetPresenceSchema,
  StartConversationSchema,
  TypingSchema,
  UpdateContextSchema,
} from './schemas';
import { CallbackRequestSchema, EmptySchema, TicketRefSchema, VisitorCreateTicketSchema, VisitorReplySchema } from './ticket-schemas';

/** Events that carry only an ack, e.g. `inbox:fetch`: whatever a client sends along is ignored. */
export const NoPayloadSchema = v.unknown();

/** What a client sends with event `E` of map `M`: its first argument, `undefined` when it sends only an ack. */
export type PayloadOf<M, E extends keyof M> = M[E] extends (...args: infer A) => void ? (A extends [Ack<never>] ? undefined : A[0]) : never;

/** What the server's ack carries back for event `E`; `null` for events without an ack (typing). */
export type AckOf<M, E extends keyof M> = M[E] extends (...args: infer A) => void ? (A extends [...unknown[], Ack<infer T>] ? T : null) : never;

/** Events a client sends with an ack (all but typing). */
export type AckedEventOf<M> = {
  [E in keyof M]: M[E] extends (...args: infer A) => void ? (A extends [...unknown[], Ack<never>] ? E : never) : never;
}[keyof M];

/** A schema for every event of a map, and no others. */
export type SchemasOf<M> = { readonly [E in keyof M]: v.GenericSchema };

export const VISITOR_REQUESTS = {
  'conversation:start': StartConversationSchema,
  'message:send': SendMessageSchema,
  'history:fetch': FetchHistorySchema,
  'context:update': UpdateContextSchema,
  'articles:search': SearchArticlesSchema,
  'articles:suggest': SuggestArticlesSchema,
  'article:get': ArticleRefSchema,
  'article:feedback': ArticleFeedbackSchema,
  'read:mark': MarkReadSchema,
  typing: TypingSchema,
  'quality:report': QualityReportSchema,
  'satisfaction:rate': RateSchema,
  'conversation:requeue': ConversationRefSchema,
  'support:status': EmptySchema,
  'tickets:list': EmptySchema,
  'ticket:get': TicketRefSchema,
  'ticket:create': VisitorCreateTicketSchema,
  'ticket:reply': VisitorReplySchema,
  'ticket:callback': CallbackRequestSchema,
  'ticket:seen': TicketRefSchema,
  'ticket:upload-grant': TicketRefSchema,
} as const satisfies SchemasOf<VisitorClientEvents>;

export const AGENT_REQUESTS = {
  'presence:set': SetPresenceSchema,
  'inbox:fetch': NoPayloadSchema,
  'conversation:open': ConversationRefSchema,
  'conversation:close': ConversationRefSchema,
  'message:send': SendMessageSchema,
  'history:fetch': FetchHistorySchema,
  'read:mark': MarkReadSchema,
  'read:fetch': FetchReadsSchema,
  typing: TypingSchema,
  'inbox:all': NoPayloadSchema,
  'queue:pick': ConversationRefSchema,
  'conversation:transfer': TransferSchema,
  'conversation:escalate': EscalateSchema,
  'conversation:journal': ConversationRefSchema,
  'conversation:previous': ConversationRefSchema,
  'note:add': AddNoteSchema,
  'agents:list': NoPayloadSchema,
  'canned:list': NoPayloadSchema,
  'supervisor:watch': NoPayloadSchema,
  'supervisor:unwatch': NoPayloadSchema,
} as const satisfies SchemasOf<AgentClientEvents>;

/** The events whose schema does not accept exactly the payload its event map declares (none, below). */
type Disagreeing<M, S extends SchemasOf<M>> = {
  [E in keyof M]: PayloadOf<M, E> extends undefined
    ? S[E] extends typeof NoPayloadSchema
      ? never
      : E
    : [v.InferInput<S[E]>] extends [PayloadOf<M, E>]
      ? [PayloadOf<M, E>] extends [v.InferInput<S[E]>]
        ? never
        : E
      : E;
}[keyof M];
/** Compiles only when `T` is `never`; otherwise the error names the events that drifted apart. */
type NoneOf<T extends never> = T;
export type SchemasAgree = [
  NoneOf<Disagreeing<VisitorClientEvents, typeof VISITOR_REQUESTS>>,
  NoneOf<Disagreeing<AgentClientEvents, typeof AGENT_REQUESTS>>,
];
