// Wires integrations: webhooks (admin, outbox, dispatcher). Started and stopped by the app.
import type { Timers } from '../chats/visitor-presence';
import type { DomainEvents } from '../events';
import type { Clock, Store } from '../ports';
import type { AuditLog } from '../privacy/audit-log';
import { WebhookAdmin } from './webhooks/webhook-admin';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { WebhookOutbox } from './webhooks/webhook-outbox';
import type { WebhookSender } from './webhooks/webhook-sender';
import type { WebhookRecord } from './webhooks/webhook-store';

export interface WebhookServices {
  admin: WebhookAdmin;
  outbox: WebhookOutbox;
  dispatcher: WebhookDispatcher;
}

export interface IntegrationServices {
  webhooks: WebhookServices;
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
  /** An endpoint was turned off: besides the audit log, whoever else must hear of it (email to admins). */
  webhookDisabled?: (webhook: WebhookRecord, reason: string) => void;
}

export function createIntegrationServices(options: IntegrationOptions): IntegrationServices {
  const { store, clock, events, newId, timers, audit, sender, onError } = options;
  const disabled = (webhook: WebhookRecord, reason: string): void => {
    audit
      .record({
        actor: { kind: 'system', name: 'Webhook delivery' },
        action: 'webhook.disabled',
        target: { kind: 'webhook', id: webhook.id, label: webhook.url },
        details: { organisationId: webhook.organisationId, reason },
      })
      .catch((error: unknown) => onError(error, 'audit webhook.disabled'));
    options.webhookDisabled?.(webhook, reason);
  };
  const dispatcher = new WebhookDispatcher({ store, clock, timers, sender, disabled, onError: (error) => onError(error, 'webhook delivery') });
  const outbox = new WebhookOutbox({ store, clock, newId, stored: () => dispatcher.nudge(), onError: (error) => onError(error, 'webhook outbox') });
  const admin = new WebhookAdmin({ store, clock, newId, sender, changed: (org) => outbox.forget(org), nudge: () => dispatcher.nudge() });
  return {
    webhooks: { admin, outbox, dispatcher },
    start() {
      outbox.listen(events);
      dispatcher.start();
    },
    async stop() {
      outbox.stop();
      await outbox.settled();
      dispatcher.stop();
      await dispatcher.idle();
    },
  };
}
