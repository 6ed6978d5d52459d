// Turns domain events into stored deliveries, one per subscribed endpoint, before anything is sent (at least
// once: a crash after this leaves the rows for the dispatcher of whichever node starts next). Other features
// publish their own events (e.g. incidents) through publish().
import type { WebhookEventBody, WebhookEventType } from '../../../../shared/webhook-events';
import type { DomainEvents } from '../../events';
import type { Clock, Store } from '../../ports';
import { webhookDrafts, type WebhookEventDraft } from './webhook-event-data';
import type { DeliveryRecord, WebhookRecord } from './webhook-store';

/** How long this node trusts its copy of an organisation's webhooks: a change made on another node shows by then. */
export const WEBHOOK_CACHE_MS = 5_000;

export class WebhookOutbox {
  private readonly cache = new Map<string, { at: number; webhooks: Promise<WebhookRecord[]> }>();
  private readonly writing = new Set<Promise<void>>();
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly deps: {
      store: Store;
      clock: Clock;
      newId: () => string;
      /** Rows were stored: the dispatcher may send them now. */
      stored: () => void;
      onError: (error: unknown) => void;
    },
  ) {}

  listen(events: DomainEvents): void {
    this.unsubscribe = events.on((event) => {
      for (const draft of webhookDrafts(event)) this.track(this.record(draft));
    });
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Resolves when every event heard so far is stored. */
  async settled(): Promise<void> {
    while (this.writing.size > 0) await Promise.allSettled([...this.writing]);
  }

  /** An event of another feature (incident.opened …), delivered like the rest. */
  publish(organisationId: string, type: WebhookEventType, data: Record<string, unknown>, endUserId: string | null = null): Promise<void> {
    const done = this.record({ organisationId, type, data, endUserId });
    this.track(done);
    return done;
  }

  /** This node changed an organisation's webhooks: use the new list from the next event on. */
  forget(organisationId: string): void {
    this.cache.delete(organisationId);
  }

  private track(work: Promise<void>): void {
    const guarded = work.catch(this.deps.onError);
    this.writing.add(guarded);
    void guarded.finally(() => this.writing.delete(guarded));
  }

  private webhooksOf(organisationId: string): Promise<WebhookRecord[]> {
    const now = this.deps.clock.now();
    const cached = this.cache.get(organisationId);
    if (cached && now - cached.at < WEBHOOK_CACHE_MS) return cached.webhooks;
    const webhooks = this.deps.store.listWebhooks(organisationId);
    this.cache.set(organisationId, { at: now, webhooks });
    webhooks.catch(() => this.cache.delete(organisationId));
    return webhooks;
  }

  /**
   * The deliveries of an event without storing them, for a feature that writes them in the same transaction
   * as its own change (incidents): then call `stored()`. No crash can leave the change without its webhooks.
   */
  async prepare(organisationId: string, type: WebhookEventType): Promise<(data: Record<string, unknown>) => DeliveryRecord[]> {
    const listeners = await this.listenersOf(organisationId, type);
    // Synchronous from here: the data may be completed inside the transaction (the new ticket's number).
    return (data) => this.rows(listeners, { organisationId, type, data, endUserId: null });
  }

  /** Deliveries written by another feature's transaction may be sent now. */
  stored(): void {
    this.deps.stored();
  }

  private async record(draft: WebhookEventDraft): Promise<void> {
    const rows = await this.deliveries(draft);
    if (rows.length === 0) return;
    await this.deps.store.enqueueDeliveries(rows);
    this.deps.stored();
  }

  private async deliveries(draft: WebhookEventDraft): Promise<DeliveryRecord[]> {
    const listeners = await this.listenersOf(draft.organisationId, draft.type);
    if (listeners.length === 0) return [];
    const data = draft.endUserId ? { ...draft.data, endUser: await this.endUser(draft.endUserId) } : draft.data;
    return this.rows(listeners, { ...draft, data });
  }

  private async listenersOf(organisationId: string, type: WebhookEventType): Promise<WebhookRecord[]> {
    return (await this.webhooksOf(organisationId)).filter((w) => w.active && w.events.includes(type));
  }

  private rows(listeners: WebhookRecord[], draft: WebhookEventDraft): DeliveryRecord[] {
    if (listeners.length === 0) return [];
    const { clock, newId } = this.deps;
    const { data } = draft;
    const now = clock.now();
    const eventId = newId();
    const body: WebhookEventBody = {
      id: eventId,
      type: draft.type,
      createdAt: new Date(now).toISOString(),
      organisationId: draft.organisationId,
      data,
    };
    const text = JSON.stringify(body);
    const rows: DeliveryRecord[] = listeners.map((w) => ({
      id: newId(),
      webhookId: w.id,
      organisationId: draft.organisationId,
      eventId,
      type: draft.type,
      body: text,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
      finishedAt: null,
    }));
    return rows;
  }

  private async endUser(id: string): Promise<{ id: string; externalId: string | null; name: string } | null> {
    const user = await this.deps.store.getEndUser(id);
    return user ? { id: user.id, externalId: user.externalId, name: user.name } : null;
  }
}
