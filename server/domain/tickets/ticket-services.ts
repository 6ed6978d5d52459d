// Wires the ticket services around the shared store, clock, events and timers.
import type { ChatAccess } from '../chats/chat-access';
import { ApiTokens } from '../identity/api-tokens';
import { SNIFF_BYTES } from './attachment-types';
import { Attachments, type AttachmentFiles } from './attachments';
import { CustomerSupport } from './customer-support';
import type { DomainEvents } from '../events';
import type { Clock, Store } from '../ports';
import { SupportPlans } from '../plans/support-plans';
import { Reports } from '../plans/reports';
import { CreditStatements } from '../plans/credit-statements';
import { SlaPolicies } from '../sla/sla-policies';
import { SlaScheduler } from '../sla/sla-scheduler';
import { TicketChat } from './ticket-chat';
import { TicketCreation } from './ticket-creation';
import { TicketViews } from './ticket-views';
import { TicketWriter } from './ticket-writes';
import { Tickets } from './tickets';
import { UploadGrants } from './upload-grants';
import type { Timers } from '../chats/visitor-presence';
import type { LaunchWindowBook } from '../desk/launch-windows';

export interface TicketServices {
  tickets: Tickets;
  /** Every ticket write goes through it (incidents add their steps with it). */
  writer: TicketWriter;
  creation: TicketCreation;
  attachments: Attachments;
  policies: SlaPolicies;
  scheduler: SlaScheduler;
  views: TicketViews;
  /** The widget's view of support: agents on, hotline, opening hours. */
  support: CustomerSupport;
  grants: UploadGrants;
  apiTokens: ApiTokens;
  plans: SupportPlans;
  reports: Reports;
  credits: CreditStatements;
}

export interface TicketServiceOptions {
  store: Store;
  clock: Clock;
  events: DomainEvents;
  newId: () => string;
  timers: Timers;
  /** Who may read which chat: a ticket made from a chat needs read access to it. */
  access: ChatAccess;
  /** Where attachment bytes go; without it uploads are refused. */
  files?: AttachmentFiles;
  onError: (error: unknown) => void;
  /** Launch windows in effect: a launching organisation's new tickets are one priority more urgent. */
  launches?: LaunchWindowBook;
  /** Longest the SLA scheduler sleeps between looks at the store. */
  slaPollMs?: number;
}

export function createTicketServices({
  store,
  clock,
  events,
  newId,
  timers,
  access,
  files,
  onError,
  slaPollMs,
  launches,
}: TicketServiceOptions): TicketServices {
  const writer = new TicketWriter({ store, clock, events, newId });
  const policies = new SlaPolicies(store, clock);
  const chat = new TicketChat({ store, events, clock, newId });
  const creation = new TicketCreation({ store, clock, newId, writer, policies, chat, access, ...(launches ? { launches } : {}) });
  const grants = new UploadGrants(store, clock);
  const reports = new Reports({ store });
  return {
    writer,
    tickets: new Tickets({ store, clock, newId, events, writer, policies, creation }),
    creation,
    attachments: new Attachments({ store, writer, newId, clock, files: files ?? null, headBytes: SNIFF_BYTES }),
    policies,
    scheduler: new SlaScheduler({ store, clock, timers, writer, events, onError, maxSleepMs: slaPollMs }),
    views: new TicketViews(store, grants),
    support: new CustomerSupport({ store, clock }),
    grants,
    apiTokens: new ApiTokens(store, clock, newId),
    plans: new SupportPlans({ store, clock, newId }),
    reports,
    credits: new CreditStatements({ store, reports }),
  };
}
