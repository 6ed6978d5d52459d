// The Store port of webhooks: endpoints per organisation, the delivery outbox (one row per event and endpoint,
// written before anything is sent) and each attempt's answer. server/store/kysely implements it.
import type { WebhookDeliveryStatus, WebhookEventType, WebhookShutOff } from '../../../../shared/webhook-events';

export interface WebhookRecord {
  id: string;
  organisationId: string;
  url: string;
  events: WebhookEventType[];
  /** HMAC key for the signature header; never shown again after it is issued. */
  secret: string;
  active: boolean;
  /** Why the server turned it off by itself (a code, rendered per reader), or null. */
  disabledReason: WebhookShutOff | null;
  createdAt: number;
  updatedAt: number;
}

export interface DeliveryRecord {
  id: string;
  webhookId: string;
  organisationId: string;
  eventId: string;
  type: WebhookEventType;
  /** The exact JSON body, so every attempt sends the same bytes. */
  body: string;
  status: WebhookDeliveryStatus;
  /** Attempts begun so far; a claim is conditional on it, so two nodes never send the same attempt. */
  attempts: number;
  nextAttemptAt: number;
  createdAt: number;
  finishedAt: number | null;
}

export interface AttemptRecord {
  deliveryId: string;
  at: number;
  status: number | null;
  response: string;
  durationMs: number;
}

export type WebhookPatch = Partial<Pick<WebhookRecord, 'url' | 'events' | 'secret' | 'active' | 'disabledReason'>> & { updatedAt: number };

export interface WebhookStore {
  createWebhook(webhook: WebhookRecord): Promise<void>;
  getWebhook(id: string): Promise<WebhookRecord | null>;
  listWebhooks(organisationId: string): Promise<WebhookRecord[]>;
  /** False if there is no such webhook. */
  updateWebhook(id: string, patch: WebhookPatch): Promise<boolean>;
  /** Removes the webhook with its deliveries and attempts; false if there was none. */
  deleteWebhook(id: string): Promise<boolean>;

  /** Stores deliveries (the outbox); a repeated (eventId, webhookId) is ignored. */
  enqueueDeliveries(deliveries: DeliveryRecord[]): Promise<void>;
  /** Pending deliveries of active webhooks due at `now`, oldest due first. */
  listDueDeliveries(now: number, limit: number): Promise<DeliveryRecord[]>;
  /**
   * Claims the next attempt of a delivery: only if it is still pending, due, and has had exactly `attempts`
   * attempts; moves its due time to `leaseUntil` (a node that dies mid-attempt leaves it due again then).
   * True for exactly one caller, whichever node.
   */
  claimDelivery(id: string, attempts: number, now: number, leaseUntil: number): Promise<boolean>;
  /** Records an attempt and the delivery's new state (after a claim). */
  finishAttempt(attempt: AttemptRecord, next: { status: WebhookDeliveryStatus; nextAttemptAt: number; finishedAt: number | null }): Promise<void>;
  getDelivery(id: string): Promise<DeliveryRecord | null>;
  /** Newest first, with their attempts oldest first. */
  listDeliveries(webhookId: string, limit: number): Promise<(DeliveryRecord & { attemptLog: AttemptRecord[] })[]>;
  /** Makes a delivery pending and due at `now` again (Resend); false if there is no such delivery. */
  requeueDelivery(id: string, now: number): Promise<boolean>;
}
