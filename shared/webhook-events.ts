// Webhook event types and what the administration API and console show of webhooks and their deliveries.
// Another feature adds its event type here (and emits it through WebhookOutbox.publish on the server).

/** Every event an organisation's webhook may subscribe to, in the order the console lists them. */
export const WEBHOOK_EVENT_TYPES = [
  'message.created',
  'conversation.assigned',
  'conversation.closed',
  'ticket.created',
  'ticket.updated',
  'ticket.replied',
  'sla.warned',
  'sla.breached',
  'incident.opened',
  'incident.resolved',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The JSON body of every delivery; `id` is also sent as X-Classroom-Support-Delivery for deduplication. */
export interface WebhookEventBody<D = Record<string, unknown>> {
  id: string;
  type: WebhookEventType;
  createdAt: string;
  organisationId: string;
  data: D;
}

/**
 * Why the server turned a webhook off by itself, stored and sent as a code with its values, never as words:
 * `deliveries_failed` after a delivery was given up (24 hours of failures), with the receiver's last answer
 * (its HTTP status, or why there was none).
 */
export interface WebhookShutOff {
  code: 'deliveries_failed';
  lastAnswer: string;
}

/** A webhook as admins see it: never its secret, which is shown once when issued or rotated. */
export interface AdminWebhook {
  id: string;
  organisationId: string;
  url: string;
  events: WebhookEventType[];
  active: boolean;
  /** Why it was turned off by itself (it kept failing), or null: a code each reader's language renders. */
  disabledReason: WebhookShutOff | null;
  createdAt: number;
  updatedAt: number;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One attempt to deliver: the receiver's answer or why there was none. */
export interface WebhookAttemptView {
  at: number;
  /** The HTTP status the receiver answered with; null when there was no answer (timeout, refused, blocked). */
  status: number | null;
  /** The first characters of the receiver's answer, or the reason there was none. */
  response: string;
  durationMs: number;
}

export interface WebhookDeliveryView {
  /** This delivery's row (Resend takes it). */
  id: string;
  webhookId: string;
  /** The event id, sent as X-Classroom-Support-Delivery: the same on every attempt and on Resend. */
  eventId: string;
  type: WebhookEventType;
  status: WebhookDeliveryStatus;
  createdAt: number;
  /** When the next attempt is due (pending only). */
  nextAttemptAt: number | null;
  attempts: WebhookAttemptView[];
}
