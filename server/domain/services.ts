// Wires the domain services together around one Store, clock and id source.
import { AccountLinks } from './identity/account-links';
import { AccountPasswords } from './identity/account-passwords';
import { Agents } from './identity/agents';
import { AgentSessions } from './identity/sessions';
import { TwoFactor } from './identity/two-factor';
import { createArticleServices, type ArticleServices } from './articles/article-services';
import { ConversationViews } from './chats/conversation-views';
import { InboxRows } from './chats/inbox-rows';
import { ChatLists } from './routing/chat-lists';
import { Conversations } from './chats/conversations';
import { DomainEvents, type DomainEvent } from './events';
import { FloodLimits } from './limits/flood-limits';
import type { RateLimits } from './limits/rate-limits';
import { SignInLimits } from './limits/sign-in-limits';
import type { Clock, Store } from './ports';
import { ReadState } from './chats/read-state';
import type { Router } from './routing/routing';
import { createRoutingServices, type RoutingServices } from './routing/routing-services';
import { VisitorIdentity } from './identity/visitor-identity';
import { systemTimers, VisitorPresence, type Timers } from './chats/visitor-presence';
import type { AttachmentFiles } from './tickets/attachments';
import { createTicketServices, type TicketServices } from './tickets/ticket-services';
import { createPrivacyServices, type PrivacyServices } from './privacy/privacy-services';
import { createMonitoringServices, type MonitoringServices } from './monitoring/monitoring-services';
import { createIntegrationServices, type IntegrationServices } from './integrations/integration-services';
import type { WebhookSender } from './integrations/webhooks/webhook-sender';
import { Satisfaction } from './satisfaction/satisfaction';
import { Incidents } from './monitoring/incidents';
import { QualityHistory } from './monitoring/quality-history';
import type { Mailer } from './integrations/email/mailer';
import { Desk } from './desk/desk';
import { LaunchWindowBook } from './desk/launch-windows';

export interface SupportServices {
  store: Store;
  clock: Clock;
  events: DomainEvents;
  router: Router;
  conversations: Conversations;
  views: ConversationViews;
  /** A chat's inbox row and who may see it (fan-out). */
  rows: InboxRows;
  /** The console's lists: inbox, every open chat, journal, earlier chats, colleagues. */
  lists: ChatLists;
  agents: Agents;
  visitors: VisitorIdentity;
  articles: ArticleServices;
  reads: ReadState;
  presence: VisitorPresence;
  routing: RoutingServices;
  tickets: TicketServices;
  privacy: PrivacyServices;
  /** Token buckets against floods, for the transports to take from before acting. */
  floods: FloodLimits;
  accounts: AccountServices;
  /** Live-class quality: reports, rules, classroom health and what changes it. */
  monitoring: MonitoringServices;
  /** Classrooms' stored quality minutes. */
  qualityHistory: QualityHistory;
  /** Webhooks (and, with SMTP, email and paging): started by the app. */
  integrations: IntegrationServices;
  satisfaction: Satisfaction;
  /** The account manager's desk, and the launch windows in effect. */
  desk: Desk;
  launches: LaunchWindowBook;
  /** Classroom-wide problems: one P1 incident ticket per classroom, its updates and resolving. */
  incidents: Incidents;
}

/** Self-service and administration of accounts: sessions, passwords, one-time links, two-factor sign-in. */
export interface AccountServices {
  sessions: AgentSessions;
  links: AccountLinks;
  passwords: AccountPasswords;
  twoFactor: TwoFactor;
}

export interface ServiceOptions {
  store: Store;
  clock: Clock;
  newId: () => string;
  onListenerError: (error: unknown, event: DomainEvent) => void;
  /** Origins images in help articles may come from. */
  articleImageOrigins?: string[];
  /** How long a visitor counts as online after their last connection dropped. */
  visitorOfflineGraceMs?: number;
  /** Whether a visitor is online on another node (several nodes); by default there is no other node. */
  visitorOnlineElsewhere?: (endUserId: string) => boolean;
  timers?: Timers;
  /** How long a dropped agent console may take to come back before the agent counts as away. */
  agentGraceMs?: number;
  /** Where ticket attachments are kept; without it, uploads are refused. */
  attachmentFiles?: AttachmentFiles;
  /** A background job (retention) failed: log it. */
  onJobError?: (error: unknown, what: string) => void;
  /** Time between retention runs, cluster-wide (default hourly). */
  retentionIntervalMs?: number;
  /** Where rate limits count (in memory, or Redis for several nodes). */
  rateLimits: RateLimits;
  /** Scales every flood limit (1 = as documented). */
  rateLimitFactor?: number;
  /** How webhooks leave the server; without it every delivery attempt fails (unit tests need none). */
  webhookSender?: WebhookSender;
  /** Email through SMTP; without it email is off. */
  mailer?: Mailer;
  emailPollMs?: number;
  /** SUPPORT_PUBLIC_URL, for links in pages to on-call people. */
  publicUrl?: string;
}

export function createServices(options: ServiceOptions): SupportServices {
  const {
    store,
    clock,
    newId,
    onListenerError,
    visitorOfflineGraceMs,
    visitorOnlineElsewhere,
    timers,
    articleImageOrigins = [],
    agentGraceMs,
    attachmentFiles,
  } = options;
  const floods = new FloodLimits(options.rateLimits, options.rateLimitFactor);
  const events = new DomainEvents(onListenerError);
  const routing = createRoutingServices({
    store,
    events,
    clock,
    newId,
    agentGraceMs,
    onError: onListenerError,
  });
  const router = routing.router;
  const signInLimits = new SignInLimits(options.rateLimits);
  const sessions = new AgentSessions({ store, events, clock });
  const twoFactor = new TwoFactor({ store, clock });
  const launches = new LaunchWindowBook({
    store,
    clock,
    onError: (error) => (options.onJobError ? options.onJobError(error, 'load launch windows') : onListenerError(error, { type: 'queue.changed' })),
  });
  const conversations = new Conversations({ store, events, clock, router, newId, launches });
  const presence = new VisitorPresence(
    (endUserId, online) => events.emit({ type: 'visitor.presence_changed', endUserId, online }),
    visitorOfflineGraceMs,
    timers,
    visitorOnlineElsewhere,
  );
  const privacy = createPrivacyServices({
    store,
    clock,
    events,
    newId,
    timers: timers ?? systemTimers,
    conversations,
    files: attachmentFiles ?? null,
    ...(options.retentionIntervalMs === undefined ? {} : { retentionIntervalMs: options.retentionIntervalMs }),
    onError: options.onJobError ?? ((error) => onListenerError(error, { type: 'queue.changed' })),
  });
  const integrations = createIntegrationServices({
    store,
    clock,
    events,
    newId,
    timers: timers ?? systemTimers,
    audit: privacy.audit,
    sender: options.webhookSender ?? noWebhookSender,
    ...(options.mailer ? { mailer: options.mailer } : {}),
    ...(options.emailPollMs ? { emailPollMs: options.emailPollMs } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    onError: options.onJobError ?? ((error) => onListenerError(error, { type: 'queue.changed' })),
  });
  const tickets = createTicketServices({
    store,
    clock,
    events,
    newId,
    timers: timers ?? systemTimers,
    access: routing.access,
    files: attachmentFiles,
    launches,
    onError: (error) => onListenerError(error, { type: 'queue.changed' }),
  });
  const monitoring = createMonitoringServices({
    store,
    clock,
    timers: timers ?? systemTimers,
    audit: privacy.audit,
    retention: privacy.retention,
    launches,
    onError: options.onJobError ?? ((error) => onListenerError(error, { type: 'queue.changed' })),
  });
  const incidents = new Incidents({
    store,
    clock,
    newId,
    events,
    writer: tickets.writer,
    policies: tickets.policies,
    outbox: integrations.webhooks.outbox,
    monitor: monitoring.monitor,
  });
  const incidentError = options.onJobError ?? ((error: unknown) => onListenerError(error, { type: 'queue.changed' }));
  monitoring.onChange(
    (change) => void incidents.onQualityChange(change).catch((error: unknown) => incidentError(error, `incident on ${change.type}`)),
  );
  events.on((event) => {
    if (event.type === 'conversation.queued' || event.type === 'ticket.changed') {
      void incidents.onDomainEvent(event).catch((error: unknown) => incidentError(error, `incident link on ${event.type}`));
    }
  });
  const satisfaction = new Satisfaction({ store, clock, events, newId });
  // During an organisation's launch window its account manager is paged first (then up the usual chain).
  integrations.paging.pager.useFirstTierRule(async (ticket) => ((await launches.activeNow(ticket.organisationId)) ? 'account_manager' : null));
  const views = new ConversationViews(store, presence);
  return {
    store,
    clock,
    events,
    router,
    conversations,
    views,
    rows: new InboxRows({ store, views, access: routing.access }),
    lists: new ChatLists({ store, views, access: routing.access }),
    agents: new Agents({ store, clock, signInLimits, twoFactor, newId }),
    visitors: new VisitorIdentity(store, clock, newId, floods),
    articles: createArticleServices({ store, clock, newId, events, imageOrigins: articleImageOrigins, onListenerError }),
    reads: new ReadState({ store, events, clock, conversations, access: routing.access }),
    presence,
    routing,
    tickets,
    privacy,
    monitoring,
    qualityHistory: new QualityHistory(store),
    incidents,
    integrations,
    satisfaction,
    launches,
    desk: new Desk({
      store,
      clock,
      newId,
      launches,
      classrooms: () => monitoring.monitor.classroomList(),
      satisfaction: () => satisfaction.figures(),
    }),
    floods,
    accounts: {
      sessions,
      links: new AccountLinks({ store, clock, sessions, newId }),
      passwords: new AccountPasswords({ store, sessions, signInLimits }),
      twoFactor,
    },
  };
}

/** Where no sender is wired (unit tests): nothing leaves the process. */
const noWebhookSender: WebhookSender = {
  send: async () => ({ answered: false, reason: 'webhooks are not sent from this process', durationMs: 0 }),
  checkUrl: async () => {},
};
