// The wire protocol: Socket.IO event maps of both namespaces, both directions. docs/protocol.md explains each.
import type * as v from 'valibot';
import type { Result } from './errors';
import type { AgentTicketServerEvents, VisitorTicketClientEvents, VisitorTicketServerEvents } from './ticket-protocol';
import type { ArticleFeedbackAck, ArticleHit, ArticlePage, ConversationArticles } from './articles';
import type { ArticleFeedbackInput, ArticleRef, SearchArticles, SuggestArticles } from './article-schemas';
import type { AgentView, ChatMessage, ConversationDetail, ConversationSummary, EndUserView, VisitorConversation } from './model';
import type {
  ClientContextSchema,
  ConversationRefSchema,
  FetchHistorySchema,
  SendMessageSchema,
  SetPresenceSchema,
  StartConversationSchema,
  TypingSchema,
  UpdateContextSchema,
} from './schemas';
import type { ConversationReads, ReadMarkAck, ReadUpdate } from './read-state';
import type { QualityAlert, QualityNotice, QualityReport } from './quality';
import type { IncidentNotice, IncidentView } from './incidents';
import type { RateInput, SatisfactionRated, SatisfactionView } from './satisfaction';
import type { FetchReadsSchema, MarkReadSchema } from './read-state-schemas';
import type { AddNoteSchema, EscalateSchema, TransferSchema } from './routing-schemas';
import type { CheckInReminder } from './desk';
import type {
  AgentNotice,
  AgentStatus,
  CannedReply,
  ChatMove,
  ConversationJournal,
  InternalNote,
  PastChat,
  SupervisorOverview,
} from './routing-model';

export const PROTOCOL_VERSION = 1;
export const VISITOR_NAMESPACE = '/visitor';
export const AGENT_NAMESPACE = '/agent';

export type Ack<T> = (result: Result<T>) => void;

export type StartConversation = v.InferInput<typeof StartConversationSchema>;
export type SendMessage = v.InferInput<typeof SendMessageSchema>;
export type FetchHistory = v.InferInput<typeof FetchHistorySchema>;
export type Typing = v.InferInput<typeof TypingSchema>;
export type UpdateContext = v.InferInput<typeof UpdateContextSchema>;
export type ConversationRef = v.InferInput<typeof ConversationRefSchema>;
export type SetPresence = v.InferInput<typeof SetPresenceSchema>;
export type ClientContextInput = v.InferInput<typeof ClientContextSchema>;
export type MarkRead = v.InferInput<typeof MarkReadSchema>;
export type FetchReads = v.InferInput<typeof FetchReadsSchema>;
export type Transfer = v.InferInput<typeof TransferSchema>;
export type Escalate = v.InferInput<typeof EscalateSchema>;
export type AddNote = v.InferInput<typeof AddNoteSchema>;

export interface History {
  messages: ChatMessage[];
  /** True when more messages follow the last one returned; fetch again after its seq. */
  hasMore: boolean;
}

export interface TypingNotice {
  conversationId: string;
  name: string;
  typing: boolean;
}

/** A waiting conversation's new 1-based place in the queue; sent only when it moved. */
export interface QueuePositionUpdate {
  conversationId: string;
  position: number;
}

/** Sent once after every (re)connect of a visitor. */
export interface VisitorSession {
  protocol: number;
  user: EndUserView;
  /** Present only when the server just issued a new anonymous identity: keep it and send it back. */
  visitorToken?: string;
  /** The visitor's open conversation, if any. */
  conversation: VisitorConversation | null;
}

export interface VisitorClientEvents extends VisitorTicketClientEvents {
  'conversation:start': (payload: StartConversation, ack: Ack<VisitorConversation>) => void;
  'message:send': (payload: SendMessage, ack: Ack<ChatMessage>) => void;
  'history:fetch': (payload: FetchHistory, ack: Ack<History>) => void;
  'context:update': (payload: UpdateContext, ack: Ack<null>) => void;
  /** Help articles: search as the user types, suggestions for the home screen, one article, "did it help?". */
  'articles:search': (payload: SearchArticles, ack: Ack<ArticleHit[]>) => void;
  'articles:suggest': (payload: SuggestArticles, ack: Ack<ArticleHit[]>) => void;
  'article:get': (payload: ArticleRef, ack: Ack<ArticlePage>) => void;
  'article:feedback': (payload: ArticleFeedbackInput, ack: Ack<ArticleFeedbackAck>) => void;
  'read:mark': (payload: MarkRead, ack: Ack<ReadMarkAck>) => void;
  typing: (payload: Typing) => void;
  /**
   * The host's RTC quality, folded by the widget: at most every 5 s, only while it changes or is bad. The ack is
   * optional: the widget sends none (a whole school reports, and nobody waits for the answer).
   */
  'quality:report': (payload: QualityReport, ack?: Ack<null>) => void;
  /** "How did we do?": the user rates a chat that ended or a ticket that was resolved, once each. */
  'satisfaction:rate': (payload: RateInput, ack: Ack<SatisfactionView>) => void;
  /** The agent's console dropped past the grace period (`agentAway`): back to the queue for someone else. */
  'conversation:requeue': (payload: ConversationRef, ack: Ack<VisitorConversation>) => void;
}

export interface VisitorServerEvents extends VisitorTicketServerEvents {
  session: (session: VisitorSession) => void;
  'conversation:updated': (conversation: VisitorConversation) => void;
  'queue:position': (update: QueuePositionUpdate) => void;
  'message:new': (message: ChatMessage) => void;
  'read:updated': (update: ReadUpdate) => void;
  typing: (notice: TypingNotice) => void;
  /** This user's connection has looked unstable for a while: offer help (at most once per 15 minutes). */
  'quality:notice': (notice: QualityNotice) => void;
  /** This user is affected by their classroom's incident: it opened, was updated or resolved (also on connect). */
  'incident:notice': (notice: IncidentNotice) => void;
}

/** Sent once after every (re)connect of an agent console. */
export interface AgentSession {
  protocol: number;
  agent: AgentView;
}

export interface Inbox {
  queued: ConversationSummary[];
  mine: ConversationSummary[];
  /** Open chats this agent handed over; it keeps read access. */
  watching: ConversationSummary[];
}

export interface AgentClientEvents {
  'presence:set': (payload: SetPresence, ack: Ack<AgentView>) => void;
  'inbox:fetch': (ack: Ack<Inbox>) => void;
  'conversation:open': (payload: ConversationRef, ack: Ack<ConversationDetail>) => void;
  'conversation:close': (payload: ConversationRef, ack: Ack<ConversationSummary>) => void;
  'message:send': (payload: SendMessage, ack: Ack<ChatMessage>) => void;
  'history:fetch': (payload: FetchHistory, ack: Ack<History>) => void;
  'read:mark': (payload: MarkRead, ack: Ack<ReadMarkAck>) => void;
  'read:fetch': (payload: FetchReads, ack: Ack<{ reads: Record<string, ConversationReads> }>) => void;
  typing: (payload: Typing) => void;
  /** Every open chat (supervisors and admins). */
  'inbox:all': (ack: Ack<ConversationSummary[]>) => void;
  'queue:pick': (payload: ConversationRef, ack: Ack<ConversationSummary>) => void;
  'conversation:transfer': (payload: Transfer, ack: Ack<ConversationSummary>) => void;
  'conversation:escalate': (payload: Escalate, ack: Ack<ConversationSummary>) => void;
  'conversation:journal': (payload: ConversationRef, ack: Ack<ConversationJournal>) => void;
  'conversation:previous': (payload: ConversationRef, ack: Ack<PastChat[]>) => void;
  'note:add': (payload: AddNote, ack: Ack<InternalNote>) => void;
  'agents:list': (ack: Ack<AgentStatus[]>) => void;
  'canned:list': (ack: Ack<CannedReply[]>) => void;
  /** Supervisors and admins: the overview now, then `supervisor:overview` pushes until unwatch. */
  'supervisor:watch': (ack: Ack<SupervisorOverview>) => void;
  'supervisor:unwatch': (ack: Ack<null>) => void;
}

export interface AgentServerEvents extends AgentTicketServerEvents {
  session: (session: AgentSession) => void;
  /** A user rated a chat (to the consoles that have it open and supervisors) or a ticket (to every console). */
  'satisfaction:rated': (rated: SatisfactionRated) => void;
  /** Any change to a conversation this agent may read: queued, assigned, closed, new message preview. */
  'conversation:updated': (summary: ConversationSummary) => void;
  /** A chat this agent may no longer read (another agent took it, or it closed): drop it from every list. */
  'conversation:withdrawn': (withdrawn: ConversationRef) => void;
  'message:new': (message: ChatMessage) => void;
  'read:updated': (update: ReadUpdate) => void;
  typing: (notice: TypingNotice) => void;
  /** In conversations this agent follows: a change of hands, and internal notes. */
  'move:new': (move: ChatMove) => void;
  'note:new': (note: InternalNote) => void;
  notice: (notice: AgentNotice) => void;
  /** This agent's own record changed (presence, role, tier, capacity), e.g. by an admin. */
  'agent:updated': (agent: AgentView) => void;
  'supervisor:overview': (overview: SupervisorOverview) => void;
  /** An admin edited the canned replies: fetch them again. */
  'canned:changed': () => void;
  /** Help articles the user read and still needed help with, attached to their conversation. */
  'conversation:articles': (attached: ConversationArticles) => void;
  /** A classroom's quality turned bad (to available agents and the organisation's account manager). */
  'quality:alert': (alert: QualityAlert) => void;
  /** A check-in with a customer is coming up (to the organisation's account manager), sent once. */
  'desk:reminder': (reminder: CheckInReminder) => void;
  /** An incident opened, was linked to, updated, recovered or resolved (to every console). */
  'incident:changed': (incident: IncidentView) => void;
}
