// Administration of an organisation's webhooks (admins only): register, list, change, delete, rotate the
// secret (shown once), read the delivery log and resend a delivery.
import type { AdminWebhook, WebhookDeliveryView } from '../../../../shared/webhook-events';
import { MAX_WEBHOOKS_PER_ORGANISATION, type CreateWebhookInput, type UpdateWebhookInput } from '../../../../shared/webhook-schemas';
import { DomainError } from '../../errors';
import type { Clock, Store } from '../../ports';
import type { Agent } from '../../records';
import { requireRole } from '../../roles';
import { newWebhookSecret } from './webhook-signature';
import type { WebhookSender } from './webhook-sender';
import type { WebhookRecord } from './webhook-store';

const DELIVERY_LOG_SIZE = 50;

export const webhookView = (w: WebhookRecord): AdminWebhook => ({
  id: w.id,
  organisationId: w.organisationId,
  url: w.url,
  events: w.events,
  active: w.active,
  disabledReason: w.disabledReason,
  createdAt: w.createdAt,
  updatedAt: w.updatedAt,
});

export class WebhookAdmin {
  constructor(
    private readonly deps: {
      store: Store;
      clock: Clock;
      newId: () => string;
      sender: WebhookSender;
      /** A change on this node: drop what the outbox remembers of the organisation's webhooks. */
      changed: (organisationId: string) => void;
      /** Deliveries are due now: wake the dispatcher. */
      nudge: () => void;
    },
  ) {}

  async list(actor: Agent, organisationId: string): Promise<AdminWebhook[]> {
    requireRole(actor, 'admin');
    await this.organisation(organisationId);
    return (await this.deps.store.listWebhooks(organisationId)).map(webhookView);
  }

  async create(actor: Agent, organisationId: string, input: CreateWebhookInput): Promise<{ webhook: AdminWebhook; secret: string }> {
    requireRole(actor, 'admin');
    const { store, clock, newId, sender } = this.deps;
    await this.organisation(organisationId);
    if ((await store.listWebhooks(organisationId)).length >= MAX_WEBHOOKS_PER_ORGANISATION) {
      throw new DomainError('conflict', `An organisation can have at most ${MAX_WEBHOOKS_PER_ORGANISATION} webhooks`);
    }
    await sender.checkUrl(input.url);
    const now = clock.now();
    const webhook: WebhookRecord = {
      id: newId(),
      organisationId,
      url: input.url,
      events: input.events,
      secret: newWebhookSecret(),
      active: true,
      disabledReason: null,
      createdAt: now,
      updatedAt: now,
    };
    await store.createWebhook(webhook);
    this.deps.changed(organisationId);
    return { webhook: webhookView(webhook), secret: webhook.secret };
  }

  async update(actor: Agent, organisationId: string, id: string, patch: UpdateWebhookInput): Promise<AdminWebhook> {
    requireRole(actor, 'admin');
    await this.webhook(organisationId, id);
    if (patch.url !== undefined) await this.deps.sender.checkUrl(patch.url);
    // Turned on again by an admin: the reason it was turned off no longer applies.
    const reason = patch.active === true ? { disabledReason: null } : {};
    await this.deps.store.updateWebhook(id, { ...patch, ...reason, updatedAt: this.deps.clock.now() });
    this.deps.changed(organisationId);
    if (patch.active === true) this.deps.nudge();
    return webhookView(await this.webhook(organisationId, id));
  }

  async remove(actor: Agent, organisationId: string, id: string): Promise<AdminWebhook> {
    requireRole(actor, 'admin');
    const webhook = await this.webhook(organisationId, id);
    await this.deps.store.deleteWebhook(id);
    this.deps.changed(organisationId);
    return webhookView(webhook);
  }

  /** A new secret; deliveries signed from now on use it, so receivers must switch at once. */
  async rotateSecret(actor: Agent, organisationId: string, id: string): Promise<{ webhook: AdminWebhook; secret: string }> {
    requireRole(actor, 'admin');
    await this.webhook(organisationId, id);
    const secret = newWebhookSecret();
    await this.deps.store.updateWebhook(id, { secret, updatedAt: this.deps.clock.now() });
    return { webhook: webhookView(await this.webhook(organisationId, id)), secret };
  }

  async deliveries(actor: Agent, organisationId: string, id: string): Promise<WebhookDeliveryView[]> {
    requireRole(actor, 'admin');
    await this.webhook(organisationId, id);
    return (await this.deps.store.listDeliveries(id, DELIVERY_LOG_SIZE)).map((d) => ({
      id: d.id,
      webhookId: d.webhookId,
      eventId: d.eventId,
      type: d.type,
      status: d.status,
      createdAt: d.createdAt,
      nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null,
      attempts: d.attemptLog.map(({ at, status, response, durationMs }) => ({ at, status, response, durationMs })),
    }));
  }

  /** Sends a delivery again now, with the same event id (receivers that deduplicate will ignore a repeat). */
  async resend(actor: Agent, organisationId: string, id: string, deliveryId: string): Promise<void> {
    requireRole(actor, 'admin');
    await this.webhook(organisationId, id);
    const delivery = await this.deps.store.getDelivery(deliveryId);
    if (!delivery || delivery.webhookId !== id) throw new DomainError('not_found', 'No such delivery');
    await this.deps.store.requeueDelivery(deliveryId, this.deps.clock.now());
    this.deps.nudge();
  }

  private async organisation(id: string): Promise<void> {
    if (!(await this.deps.store.getOrganisation(id))) throw new DomainError('not_found', 'No such organisation');
  }

  /** The webhook, only through its own organisation: another organisation's id is not found. */
  private async webhook(organisationId: string, id: string): Promise<WebhookRecord> {
    const webhook = await this.deps.store.getWebhook(id);
    if (!webhook || webhook.organisationId !== organisationId) throw new DomainError('not_found', 'No such webhook');
    return webhook;
  }
}
