// Emails a reply the end user has not read: an agent's reply in a chat, or support's public reply on a
// ticket, unread 5 minutes later, reaches the user's email (if they have one) with the reply and a link that
// opens the widget on that ticket or chat — at most one email per ticket or chat per 10 minutes. Notices are
// rows in the store claimed by one node, so a restart or several nodes send each email once.
import { formatTicketNumber } from '../../../../shared/ticket-model';
import type { Timers } from '../../chats/visitor-presence';
import type { DomainEvent, DomainEvents } from '../../events';
import type { Clock, Store } from '../../ports';
import { DuePoller } from '../due-poller';
import { emailLanguage, replyEmail } from './email-templates';
import type { ReplyNotice } from './email-store';
import type { Mailer } from './mailer';

export const UNREAD_BEFORE_EMAIL_MS = 5 * 60_000;
export const EMAIL_GAP_MS = 10 * 60_000;
const LEASE_MS = 60_000;
const BATCH = 20;

/** The fragment the widget reads to open a ticket (`#cs-ticket=CS-000123`) or the chat (`#cs-chat`). */
export function widgetLink(pageUrl: string, ticketNumber: string | null): string {
  const url = new URL(pageUrl);
  url.hash = ticketNumber ? `cs-ticket=${ticketNumber}` : 'cs-chat';
  return url.toString();
}

export class ReplyNotices {
  private readonly poller: DuePoller;

  constructor(
    private readonly deps: { store: Store; clock: Clock; timers: Timers; mailer: Mailer; pollMs: number; onError: (error: unknown) => void },
  ) {
    this.poller = new DuePoller({ ...deps, round: () => this.round(), note: (event) => this.note(event) });
  }

  start(events: DomainEvents): void {
    if (this.deps.mailer.enabled) this.poller.start(events);
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  /** Looks at due notices once (the timer calls it; tests may too). */
  async round(): Promise<void> {
    const { store, clock } = this.deps;
    const due = await store.listDueNotices(clock.now(), BATCH);
    for (const notice of due) {
      const now = clock.now();
      if (!(await store.claimNotice(notice.targetKey, notice.dueAt, now + LEASE_MS))) continue;
      await this.deliver(notice, now).catch(async (error: unknown) => {
        this.deps.onError(error);
        await store.settleNotice(notice.targetKey, { dueAt: now + LEASE_MS });
      });
    }
  }

  private note(event: DomainEvent): Promise<void> | null {
    const dueAt = this.deps.clock.now() + UNREAD_BEFORE_EMAIL_MS;
    if (event.type === 'message.created' && event.message.authorKind === 'agent') {
      const { conversation: c, message: m } = event;
      return this.deps.store.noteReply({
        targetKey: `chat:${c.id}`,
        organisationId: c.organisationId,
        endUserId: c.endUserId,
        conversationId: c.id,
        ticketId: null,
        replySeq: m.seq,
        replyText: m.text,
        authorName: m.authorName,
        dueAt,
      });
    }
    if (event.type === 'ticket.changed' && event.ticket.endUserId) {
      const reply = event.events.filter((e) => e.kind === 'reply' && e.public && e.actorKind !== 'customer').at(-1);
      if (!reply) return null;
      const t = event.ticket;
      return this.deps.store.noteReply({
        targetKey: `ticket:${t.id}`,
        organisationId: t.organisationId,
        endUserId: t.endUserId as string,
        conversationId: t.conversationId,
        ticketId: t.id,
        replySeq: t.customerSeq,
        replyText: reply.text ?? '',
        authorName: reply.actorName,
        dueAt,
      });
    }
    return null;
  }

  private async deliver(notice: ReplyNotice, now: number): Promise<void> {
    const { store, mailer } = this.deps;
    if (notice.lastSentAt !== null && now - notice.lastSentAt < EMAIL_GAP_MS) {
      await store.settleNotice(notice.targetKey, { dueAt: notice.lastSentAt + EMAIL_GAP_MS });
      return;
    }
    const to = await store.getEndUserEmail(notice.endUserId);
    const target = to ? await this.unreadTarget(notice) : null;
    if (!to || !target) {
      await store.settleNotice(notice.targetKey, { skip: true });
      return;
    }
    const user = await store.getEndUser(notice.endUserId);
    const mail = replyEmail(emailLanguage(target.locale), to, {
      userName: user?.name ?? '',
      authorName: notice.authorName,
      reply: notice.replyText,
      ticketNumber: target.ticketNumber,
      link: widgetLink(target.pageUrl, target.ticketNumber),
    });
    await mailer.send(mail);
    await store.settleNotice(notice.targetKey, { sentAt: now });
  }

  /** Where the user reads it and in which language, if the reply is still unread; null if read (or gone). */
  private async unreadTarget(notice: ReplyNotice): Promise<{ pageUrl: string; locale: string | undefined; ticketNumber: string | null } | null> {
    const { store } = this.deps;
    const conversation = notice.conversationId ? await store.getConversation(notice.conversationId) : null;
    const organisation = await store.getOrganisation(notice.organisationId);
    let ticketNumber: string | null = null;
    let context = conversation?.context;
    if (notice.ticketId) {
      const ticket = await store.getTicket(notice.ticketId);
      if (!ticket || ticket.customerSeenSeq >= notice.replySeq) return null;
      ticketNumber = formatTicketNumber(ticket.number);
      context = ticket.environment ?? context;
    } else {
      if (!conversation || (await store.readPositions(conversation.id)).visitor >= notice.replySeq) return null;
    }
    // The page the widget reported, only on one of the organisation's own origins (it is the client's word).
    const allowed = organisation?.allowedOrigins ?? [];
    const reported = context?.pageUrl && URL.canParse(context.pageUrl) ? context.pageUrl : null;
    const pageUrl = reported && allowed.includes(new URL(reported).origin) ? reported : allowed[0];
    if (!pageUrl) return null;
    return { pageUrl, locale: context?.locale, ticketNumber };
  }
}
