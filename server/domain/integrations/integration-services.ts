// Wires integrations: webhooks (admin, outbox, dispatcher), email (reply notices, account links, admins
// told of a webhook turned off) and on-call paging (rota, pager). Started and stopped by the app.
import type { Timers } from '../chats/visitor-presence';
import type { DomainEvents } from '../events';
import type { Clock, Store } from '../ports';
import type { AuditLog } from '../privacy/audit-log';
import { WebhookAdmin } from './webhooks/webhook-admin';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { WebhookOutbox } from './webhooks/webhook-outbox';
import type { WebhookSender } from './webhooks/webhook-sender';
import type { WebhookRecord } from './webhooks/webhook-store';
import type { WebhookShutOff } from '../../../shared/webhook-events';
import { AUDIT_SYSTEM_ACTORS } from '../../../shared/audit-log';
import { accountLinkEmail, emailLanguage, webhookDisabledEmail } from './email/email-templates';
import { noMailer, type Mailer } from './email/mailer';
import { ReplyNotices } from './email/reply-notices';
import { OncallRota } from './paging/oncall-rota';
import { Pager } from './paging/pager';

export interface WebhookServices {
  admin: WebhookAdmin;
  outbox: WebhookOutbox;
  dispatcher: WebhookDispatcher;
}

export interface EmailServices {
  /** Whether SMTP is configured (the console says so when it is not). */
  enabled: boolean;
  replies: ReplyNotices;
  /**
   * Emails an agent their invitation or password-reset link (when SMTP is configured), in the agent's saved
   * console language, else `fallbackLocale` (an invitee has none yet: the inviting admin's), with the link's expiry
   * in the time zone saved with their account (else UTC); true if sent.
   */
  sendAccountLink(
    to: { email: string; name: string; locale?: string | null; timeZone?: string | null },
    purpose: 'invite' | 'reset',
    link: string,
    expiresAt: number,
    fallbackLocale?: string | null,
  ): Promise<boolean>;
}

export interface PagingServices {
  rota: OncallRota;
  /** Pages on-call people; `pager.useFirstTierRule` lets other features pick the first tier (launch windows). */
  pager: Pager;
}

export interface IntegrationServices {
  webhooks: WebhookServices;
  email: EmailServices;
  paging: PagingServices;
  /** Begin listening to domain events and sending what is due. */
  start(): void;
  /** Stop listening and sending; resolves when stored events and attempts in progress are done. */
  stop(): Promise<void>;
}

export interface IntegrationOptions {
  store: Store;
  clock: Clock;
  events: DomainEvents;
  newId: () => string;
  timers: Timers;
  audit: AuditLog;
  sender: WebhookSender;
  onError(error: unknown, what: string): void;
  /** An endpoint was turned off: besides the audit log and the admins' email, whoever else must hear of it. */
  webhookDisabled?: (webhook: WebhookRecord, reason: WebhookShutOff) => void;
  mailer?: Mailer;
  /** How often each node looks for reply emails and paging steps that fell due. */
  emailPollMs?: number;
  /** SUPPORT_PUBLIC_URL: where links in pages point (else the origin an admin saved the shift from). */
  publicUrl?: string;
}

export function createIntegrationServices(options: IntegrationOptions): IntegrationServices {
  const { store, clock, events, newId, timers, audit, sender, onError } = options;
  const disabled = (webhook: WebhookRecord, reason: WebhookShutOff): void => {
    audit
      .record({
        actor: { kind: 'system', name: AUDIT_SYSTEM_ACTORS.webhooks },
        action: 'webhook.disabled',
        target: { kind: 'webhook', id: webhook.id, label: webhook.url },
        details: { organisationId: webhook.organisationId, reason },
      })
      .catch((error: unknown) => onError(error, 'audit webhook.disabled'));
    options.webhookDisabled?.(webhook, reason);
    if (mailer.enabled) void tellAdmins(webhook, reason).catch((error: unknown) => onError(error, 'email webhook.disabled'));
  };
  const mailer = options.mailer ?? noMailer;
  const tellAdmins = async (webhook: WebhookRecord, reason: WebhookShutOff) => {
    const organisation = (await store.getOrganisation(webhook.organisationId))?.name ?? webhook.organisationId;
    const admins = (await store.listAgents()).filter((a) => a.role === 'admin' && a.active);
    // Each admin in the console language they saved (English when none).
    for (const admin of admins)
      await mailer.send(webhookDisabledEmail(emailLanguage(admin.locale), admin.email, { organisation, url: webhook.url, reason }));
  };
  const replies = new ReplyNotices({
    store,
    clock,
    timers,
    mailer,
    pollMs: options.emailPollMs ?? 15_000,
    onError: (error) => onError(error, 'reply email'),
  });
  const dispatcher = new WebhookDispatcher({ store, clock, timers, sender, disabled, onError: (error) => onError(error, 'webhook delivery') });
  const outbox = new WebhookOutbox({ store, clock, newId, stored: () => dispatcher.nudge(), onError: (error) => onError(error, 'webhook outbox') });
  const rota = new OncallRota({ store, clock, newId, sender });
  const pager = new Pager({
    store,
    clock,
    timers,
    mailer,
    sender,
    rota,
    newId,
    publicUrl: options.publicUrl,
    pollMs: options.emailPollMs ?? 15_000,
    onError: (error) => onError(error, 'paging'),
  });
  const admin = new WebhookAdmin({ store, clock, newId, sender, changed: (org) => outbox.forget(org), nudge: () => dispatcher.nudge() });
  return {
    webhooks: { admin, outbox, dispatcher },
    paging: { rota, pager },
    email: {
      enabled: mailer.enabled,
      replies,
      async sendAccountLink(to, purpose, link, expiresAt, fallbackLocale) {
        if (!mailer.enabled) return false;
        try {
          await mailer.send(
            accountLinkEmail(emailLanguage(to.locale ?? fallbackLocale), to.email, {
              name: to.name,
              purpose,
              link,
              expiresAt,
              timeZone: to.timeZone,
            }),
          );
          return true;
        } catch (error) {
          // The admin still has the link to hand over; a mail server that is down must not lose it.
          onError(error, 'email account link');
          return false;
        }
      },
    },
    start() {
      // An erased person's address goes with the rest of their data.
      events.on((event) => {
        if (event.type === 'end_user.erased')
          store.setEndUserEmail(event.endUserId, null, clock.now()).catch((error: unknown) => onError(error, 'erase email'));
      });
      outbox.listen(events);
      dispatcher.start();
      replies.start(events);
      pager.start(events);
    },
    async stop() {
      await pager.stop();
      await replies.stop();
      outbox.stop();
      await outbox.settled();
      dispatcher.stop();
      await dispatcher.idle();
    },
  };
}
