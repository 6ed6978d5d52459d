// Pages the on-call person when a P1 ticket, a call-back request, an SLA warning or an SLA breach concerns
// someone who is not connected (the ticket's owner has no console open, or it has none): by email and by
// every team chat of the organisation, in the paged agent's language, with a link that acknowledges. Nobody
// acknowledges within 10 minutes: the next tier up (L1 → L2 → account manager); a tier with nobody on call
// is passed over at once. Each step is a due point in the database claimed by one node, so a cluster pages
// once; a page is created once per ticket and cause whichever node saw the event.
import { randomBytes } from 'node:crypto';
import { consoleTicketPath } from '../../../../shared/console-links';
import { formatTicketNumber } from '../../../../shared/ticket-model';
import {
  ACKNOWLEDGE_WITHIN_MS,
  ONCALL_TIERS,
  type OncallTier,
  type PageReason,
  type PageStatus,
  type PageStepView,
  type PageView,
} from '../../../../shared/paging';
import type { Timers } from '../../chats/visitor-presence';
import { DomainError } from '../../errors';
import { DuePoller } from '../due-poller';
import type { DomainEvent, DomainEvents } from '../../events';
import type { Clock, Store } from '../../ports';
import type { Agent } from '../../records';
import type { Ticket } from '../../tickets/ticket-records';
import type { TicketEventRecord } from '../../tickets/ticket-records';
import { emailLanguage } from '../email/email-templates';
import type { Mailer } from '../email/mailer';
import type { WebhookSender } from '../webhooks/webhook-sender';
import type { OncallRota } from './oncall-rota';
import { chatAccepted, chatPayload, pageEmail, type PageFacts } from './page-messages';
import type { PageRecord } from './paging-store';

const LEASE_MS = 60_000;
const BATCH = 20;

/**
 * Decides the first tier paged for a ticket instead of the ticket's own level (null: no opinion). The desk's
 * launch windows set one so that the account manager is paged first during a launch.
 */
export type FirstTierRule = (ticket: Ticket, at: number) => Promise<OncallTier | null>;

interface Cause {
  reason: PageReason;
  /** Tells causes of one reason apart: the SLA metric, or the history entry of a call-back request. */
  key: string;
}

export interface PagerDeps {
  store: Store;
  clock: Clock;
  timers: Timers;
  mailer: Mailer;
  sender: WebhookSender;
  rota: OncallRota;
  newId: () => string;
  /** SUPPORT_PUBLIC_URL: where acknowledge links point; without it, the origin the shift was saved from. */
  publicUrl: string | undefined;
  pollMs: number;
  onError: (error: unknown) => void;
}

export class Pager {
  private readonly poller: DuePoller;
  private readonly firstTierRules: FirstTierRule[] = [];

  constructor(private readonly deps: PagerDeps) {
    this.poller = new DuePoller({ ...deps, round: () => this.round(), note: (event) => this.note(event) });
  }

  /** Adds a rule for the first tier paged (the first rule with an answer wins). Returns its removal. */
  useFirstTierRule(rule: FirstTierRule): () => void {
    this.firstTierRules.push(rule);
    return () => this.firstTierRules.splice(this.firstTierRules.indexOf(rule), 1);
  }

  start(events: DomainEvents): void {
    this.poller.start(events);
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  /** Runs the steps that fell due once (the timer calls it; tests may too). */
  async round(): Promise<void> {
    const { store, clock } = this.deps;
    for (const page of await store.listDuePages(clock.now(), BATCH)) {
      const now = clock.now();
      if (page.dueAt === null || !(await store.claimPage(page.id, page.dueAt, page.step, now + LEASE_MS))) continue;
      // On failure the lease runs out and any node tries the step again.
      await this.step(page, now).catch(this.deps.onError);
    }
  }

  /** Pages one step needs paging now, on this node (a page just created): no wait for the next poll. */
  nudge(): void {
    this.poller.nudge();
  }

  async acknowledge(actor: Agent, pageId: string): Promise<PageView> {
    const page = await this.deps.store.getPage(pageId);
    if (!page) throw new DomainError('not_found', 'No such page');
    return this.acknowledged(page, actor.id);
  }

  /** The link in the email or chat message: acknowledges as the agent last paged. */
  async acknowledgeByToken(token: string): Promise<PageView> {
    const page = await this.pageByToken(token);
    return this.acknowledged(page, page.agentId ?? 'link');
  }

  async pageByToken(token: string): Promise<PageRecord> {
    const page = token ? await this.deps.store.findPageByToken(token) : null;
    if (!page) throw new DomainError('not_found', 'This page link is not valid');
    return page;
  }

  async list(filter: { organisationId?: string; ticketId?: string; status?: PageStatus }): Promise<PageView[]> {
    const pages = await this.deps.store.listPages({ ...filter, limit: 100 });
    return Promise.all(pages.map((p) => this.view(p)));
  }

  async view(page: PageRecord): Promise<PageView> {
    const ticket = await this.deps.store.getTicket(page.ticketId);
    return {
      id: page.id,
      organisationId: page.organisationId,
      ticketId: page.ticketId,
      ticketNumber: ticket ? formatTicketNumber(ticket.number) : '',
      ticketSubject: ticket?.subject ?? '',
      reason: page.reason,
      status: page.status,
      tier: page.tier,
      agentId: page.agentId,
      escalatesAt: page.status === 'paging' ? page.dueAt : null,
      acknowledgedAt: page.acknowledgedAt,
      acknowledgedBy: page.acknowledgedBy,
      steps: page.log,
      createdAt: page.createdAt,
    };
  }

  private async acknowledged(page: PageRecord, agentId: string): Promise<PageView> {
    const { store, clock } = this.deps;
    if (page.status === 'acknowledged' || page.status === 'cancelled') return this.view(page);
    await store.acknowledgePage(page.id, agentId, clock.now());
    return this.view((await store.getPage(page.id)) as PageRecord);
  }

  private note(event: DomainEvent): Promise<void> | null {
    if (event.type !== 'ticket.changed') return null;
    const causes = causesOf(event.ticket, event.events);
    if (causes.length === 0) return null;
    return this.open(event.ticket, causes);
  }

  /** Creates the pages the ticket's causes call for, unless its owner is connected and sees them. */
  private async open(ticket: Ticket, causes: Cause[]): Promise<void> {
    const { store, clock } = this.deps;
    if (ticket.status === 'resolved' || ticket.status === 'closed') return;
    if (await this.ownerConnected(ticket)) return;
    const now = clock.now();
    const firstTier = (await this.firstTier(ticket, now)) ?? tierOfLevel(ticket.level);
    let created = false;
    for (const cause of causes) {
      const added = await store.addPage({
        id: this.deps.newId(),
        organisationId: ticket.organisationId,
        ticketId: ticket.id,
        reason: cause.reason,
        causeKey: [ticket.id, cause.reason, cause.key].join(':'),
        firstTier,
        tier: null,
        agentId: null,
        step: 0,
        status: 'paging',
        dueAt: now,
        ackToken: randomBytes(24).toString('base64url'),
        acknowledgedAt: null,
        acknowledgedBy: null,
        log: [],
        createdAt: now,
      });
      created ||= added;
    }
    if (created) this.nudge();
  }

  private async firstTier(ticket: Ticket, at: number): Promise<OncallTier | null> {
    for (const rule of this.firstTierRules) {
      const tier = await rule(ticket, at);
      if (tier) return tier;
    }
    return null;
  }

  private async ownerConnected(ticket: Ticket): Promise<boolean> {
    if (!ticket.assigneeId) return false;
    const status = (await this.deps.store.listAgentStatuses()).find((s) => s.agent.id === ticket.assigneeId);
    return !!status && status.agent.active && status.agent.presence !== 'offline' && status.disconnectedAt === null;
  }

  /**
   * Step `page.step` pages tier `chain[step]`; a tier with nobody on call is passed over at once. After the
   * last tier, the page is unanswered.
   */
  private async step(page: PageRecord, now: number): Promise<void> {
    const { store } = this.deps;
    const ticket = await store.getTicket(page.ticketId);
    if (!ticket || ticket.status === 'resolved' || ticket.status === 'closed') {
      await store.recordPageStep(page.id, {
        step: page.step,
        tier: page.tier ?? page.firstTier,
        agentId: page.agentId,
        log: page.log,
        dueAt: null,
        status: 'cancelled',
      });
      return;
    }
    const chain = ONCALL_TIERS.slice(ONCALL_TIERS.indexOf(page.firstTier));
    const log = [...page.log];
    for (let step = page.step; step < chain.length; step++) {
      const tier = chain[step] as OncallTier;
      const who = await this.deps.rota.onCall(page.organisationId, tier, now);
      if (!who) {
        log.push({ at: now, tier, agentId: null, agentName: null, email: 'none', chats: [] });
        continue;
      }
      const escalatesAt = step + 1 < chain.length ? now + ACKNOWLEDGE_WITHIN_MS : null;
      log.push(await this.send(page, ticket, tier, who.agent, who.shift.consoleOrigin, step > 0, escalatesAt, now));
      // The last tier waits too: unanswered 10 minutes later shows in the console as such.
      await store.recordPageStep(page.id, { step: step + 1, tier, agentId: who.agent.id, log, dueAt: now + ACKNOWLEDGE_WITHIN_MS, status: 'paging' });
      return;
    }
    await store.recordPageStep(page.id, {
      step: chain.length,
      tier: page.tier ?? chain.at(-1)!,
      agentId: page.agentId,
      log,
      dueAt: null,
      status: 'unanswered',
    });
  }

  private async send(
    page: PageRecord,
    ticket: Ticket,
    tier: OncallTier,
    agent: Agent,
    shiftOrigin: string | null,
    escalated: boolean,
    escalatesAt: number | null,
    now: number,
  ): Promise<PageStepView> {
    const { store, mailer, sender } = this.deps;
    const origin = this.deps.publicUrl ?? shiftOrigin ?? 'http://localhost';
    const organisation = await store.getOrganisation(page.organisationId);
    const lang = emailLanguage(agent.locale ?? 'en');
    const facts: PageFacts = {
      pageId: page.id,
      reason: page.reason,
      metric: page.reason.startsWith('sla_') ? (page.causeKey.split(':')[2] ?? null) : null,
      organisationName: organisation?.name ?? '',
      ticketNumber: formatTicketNumber(ticket.number),
      ticketSubject: ticket.subject,
      priority: ticket.priority,
      tier,
      agentName: agent.name,
      escalated,
      acknowledgeUrl: `${origin}/paging/ack/${page.ackToken}`,
      ticketUrl: `${origin}${consoleTicketPath(formatTicketNumber(ticket.number))}`,
      escalatesAt,
    };
    let email: PageStepView['email'] = 'off';
    if (mailer.enabled) {
      try {
        await mailer.send(pageEmail(lang, agent.email, facts));
        email = 'sent';
      } catch (error) {
        this.deps.onError(error);
        email = 'failed';
      }
    }
    const chats: PageStepView['chats'] = [];
    for (const channel of await store.listPagingChannels(page.organisationId)) {
      const body = JSON.stringify(chatPayload(channel.format, lang, facts));
      const result = await sender.send(channel.url, { 'content-type': 'application/json', 'user-agent': 'ClassroomSupport-Paging/1' }, body);
      const ok = result.answered && chatAccepted(channel.format, result.status, result.body);
      chats.push({ channelId: channel.id, ok, detail: result.answered ? `${result.status} ${result.body.slice(0, 200)}` : result.reason });
    }
    return { at: now, tier, agentId: agent.id, agentName: agent.name, email, chats };
  }
}

/** Why this change of a ticket may need someone woken up. */
export function causesOf(ticket: Ticket, events: TicketEventRecord[]): Cause[] {
  const causes: Cause[] = [];
  for (const e of events) {
    // Once per ticket for P1 (also when raised to P1 later), per metric for SLA points, per call-back request.
    if ((e.kind === 'created' && ticket.priority === 'P1') || (e.kind === 'priority' && e.data.to === 'P1'))
      causes.push({ reason: 'p1_ticket', key: '' });
    if (e.kind === 'callback_requested') causes.push({ reason: 'callback', key: String(e.seq) });
    if (e.kind === 'sla_warning') causes.push({ reason: 'sla_warning', key: e.data.metric ?? '' });
    if (e.kind === 'sla_breach') causes.push({ reason: 'sla_breach', key: e.data.metric ?? '' });
  }
  return causes;
}

/** The rota tier for a ticket's level: past the account manager (the supervisors) it is the account manager's. */
const tierOfLevel = (level: Ticket['level']): OncallTier => (level === 'supervisors' ? 'account_manager' : level);
