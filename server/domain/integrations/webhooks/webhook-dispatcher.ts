// Sends stored deliveries: every node looks for due rows each second (and at once when its own outbox stored
// some), claims each attempt with a conditional update so one node sends it, signs it, records the answer and
// schedules the retry. A delivery still failing after 24 hours is given up and its endpoint turned off.
import type { Clock, Store } from '../../ports';
import type { Timers } from '../../chats/visitor-presence';
import { nextAttemptAt } from './webhook-backoff';
import type { WebhookSender } from './webhook-sender';
import { signatureHeader } from './webhook-signature';
import type { DeliveryRecord, WebhookRecord } from './webhook-store';
import type { WebhookShutOff } from '../../../../shared/webhook-events';

export const POLL_MS = 1_000;
/** A claimed attempt is due again after this if its node died meanwhile (more than the 10 s send timeout). */
export const LEASE_MS = 30_000;
const BATCH = 20;
const MAX_RESPONSE_CHARS = 500;

export class WebhookDispatcher {
  private handle: unknown = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(
    private readonly deps: {
      store: Store;
      clock: Clock;
      timers: Timers;
      sender: WebhookSender;
      /** An endpoint was turned off after a delivery failed for 24 hours: tell the organisation's admins. */
      disabled: (webhook: WebhookRecord, reason: WebhookShutOff) => void;
      onError: (error: unknown) => void;
    },
  ) {}

  start(): void {
    this.stopped = false;
    this.nudge();
  }

  stop(): void {
    this.stopped = true;
    if (this.handle !== null) this.deps.timers.clear(this.handle);
    this.handle = null;
  }

  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Look for due deliveries now (after this round, if one is running). */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.handle !== null) this.deps.timers.clear(this.handle);
    this.handle = null;
    this.running = this.round()
      .catch(this.deps.onError)
      .finally(() => {
        this.running = null;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.nudge();
        } else {
          this.handle = this.deps.timers.set(() => this.nudge(), POLL_MS);
        }
      });
  }

  /** Sends every due delivery this node claims; true if there may be more. */
  async round(): Promise<void> {
    for (;;) {
      const due = await this.deps.store.listDueDeliveries(this.deps.clock.now(), BATCH);
      await Promise.all(due.map((d) => this.attempt(d).catch(this.deps.onError)));
      if (due.length < BATCH || this.stopped) return;
    }
  }

  private async attempt(delivery: DeliveryRecord): Promise<void> {
    const { store, clock, sender } = this.deps;
    const now = clock.now();
    if (!(await store.claimDelivery(delivery.id, delivery.attempts, now, now + LEASE_MS))) return;
    const webhook = await store.getWebhook(delivery.webhookId);
    if (!webhook) return;
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'ClassroomSupport-Webhooks/1',
      'x-classroom-support-event': delivery.type,
      'x-classroom-support-delivery': delivery.eventId,
      'x-classroom-support-signature': signatureHeader(webhook.secret, delivery.body, now),
    };
    const result = await sender.send(webhook.url, headers, delivery.body);
    const at = clock.now();
    const ok = result.answered && result.status >= 200 && result.status < 300;
    const attempt = {
      deliveryId: delivery.id,
      at: now,
      status: result.answered ? result.status : null,
      response: (result.answered ? result.body : result.reason).slice(0, MAX_RESPONSE_CHARS),
      durationMs: result.durationMs,
    };
    if (ok) {
      await store.finishAttempt(attempt, { status: 'delivered', nextAttemptAt: at, finishedAt: at });
      return;
    }
    const next = nextAttemptAt(delivery.createdAt, delivery.attempts + 1, at);
    if (next !== null) {
      await store.finishAttempt(attempt, { status: 'pending', nextAttemptAt: next, finishedAt: null });
      return;
    }
    await store.finishAttempt(attempt, { status: 'failed', nextAttemptAt: at, finishedAt: at });
    if (webhook.active) {
      const reason: WebhookShutOff = { code: 'deliveries_failed', lastAnswer: String(attempt.status ?? attempt.response) };
      await store.updateWebhook(webhook.id, { active: false, disabledReason: reason, updatedAt: at });
      this.deps.disabled(webhook, reason);
    }
  }
}
