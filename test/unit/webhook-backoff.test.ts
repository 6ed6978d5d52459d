// Webhook retries in fake time over a real (in-memory) store and a real loopback receiver that keeps
// answering 500: the first retry 5 s later, gaps doubling up to an hour, given up after 24 hours, the endpoint
// turned off, its admins told (the audit log and the disabled hook), and nothing sent after that.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationServices, type IntegrationServices } from '../../server/domain/integrations/integration-services';
import { nextAttemptAt } from '../../server/domain/integrations/webhooks/webhook-backoff';
import { DomainEvents } from '../../server/domain/events';
import type { Store } from '../../server/domain/ports';
import { AuditLog } from '../../server/domain/privacy/audit-log';
import { openSqliteStore } from '../../server/store/sqlite/index';
import { httpWebhookSender } from '../../server/transport/outbound/http-webhook-sender';
import { FakeClock } from '../support/fake-clock';
import { FakeTimers } from '../support/fake-timers';
import { aConversation, aMessage, anEndUser, anOrganisation } from '../support/records';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

const HOUR = 3_600_000;

describe('webhook retries', () => {
  let store: Store;
  let clock: FakeClock;
  let receiver: WebhookReceiver;
  let integrations: IntegrationServices;
  const disabled: string[] = [];
  const events = new DomainEvents((e) => {
    throw e;
  });

  beforeEach(async () => {
    store = openSqliteStore(':memory:');
    await store.migrate();
    clock = new FakeClock();
    receiver = await startWebhookReceiver();
    receiver.answerWith(500);
    integrations = createIntegrationServices({
      store,
      clock,
      events,
      newId: randomUUID,
      timers: new FakeTimers(clock),
      audit: new AuditLog({ store, clock, newId: randomUUID }),
      sender: httpWebhookSender({ allowPrivate: true }),
      onError: (e) => {
        throw e;
      },
      webhookDisabled: (w, reason) => disabled.push(`${w.id}: ${reason.code} ${reason.lastAnswer}`),
    });
  });
  afterEach(async () => {
    await integrations.stop();
    await receiver.close();
    await store.close();
  });

  it('schedules 5 s, 10 s, 20 s … at most an hour apart, and gives up after 24 hours', () => {
    const t0 = 0;
    expect(nextAttemptAt(t0, 1, 0)).toBe(5_000);
    expect(nextAttemptAt(t0, 2, 5_000)).toBe(15_000);
    expect(nextAttemptAt(t0, 3, 15_000)).toBe(35_000);
    expect(nextAttemptAt(t0, 20, 10 * HOUR)).toBe(11 * HOUR);
    expect(nextAttemptAt(t0, 40, 23.5 * HOUR)).toBeNull();
  });

  it('retries a failing endpoint for 24 hours, then turns it off and tells its admins', async () => {
    const org = await store.createOrganisation(anOrganisation());
    const user = await store.createEndUser(anEndUser(org.id));
    const webhookId = randomUUID();
    await store.createWebhook({
      id: webhookId,
      organisationId: org.id,
      url: receiver.url,
      events: ['message.created'],
      secret: 's',
      active: true,
      disabledReason: null,
      createdAt: 0,
      updatedAt: 0,
    });
    integrations.webhooks.outbox.listen(events);
    const { conversation } = await store.createConversation(aConversation(org.id, user.id));
    const { message } = await store.appendMessage(aMessage(conversation.id, user.id));
    events.emit({ type: 'message.created', conversation, message });
    await integrations.webhooks.outbox.settled();
    const start = clock.now();

    const dispatcher = integrations.webhooks.dispatcher;
    const attemptTimes: number[] = [];
    for (let i = 0; i < 100; i++) {
      await dispatcher.round();
      const [delivery] = await store.listDeliveries(webhookId, 1);
      attemptTimes.splice(0, attemptTimes.length, ...delivery!.attemptLog.map((a) => a.at - start));
      if (delivery!.status !== 'pending') break;
      clock.advance(delivery!.nextAttemptAt - clock.now());
    }
    expect(receiver.received.length).toBe(attemptTimes.length);
    expect(attemptTimes.slice(0, 4)).toEqual([0, 5_000, 15_000, 35_000]);
    const gaps = attemptTimes.slice(1).map((t, i) => t - attemptTimes[i]!);
    expect(Math.max(...gaps)).toBe(HOUR);
    expect(attemptTimes.at(-1)!).toBeGreaterThan(23 * HOUR);
    expect(attemptTimes.at(-1)!).toBeLessThanOrEqual(24 * HOUR);
    // Every attempt carried the same delivery id.
    expect(new Set(receiver.received.map((r) => r.headers['x-classroom-support-delivery'])).size).toBe(1);

    const [given] = await store.listDeliveries(webhookId, 1);
    expect(given!.status).toBe('failed');
    // Why, as a code with the receiver's last answer (each reader's language renders it), never English words.
    expect(await store.getWebhook(webhookId)).toMatchObject({ active: false, disabledReason: { code: 'deliveries_failed', lastAnswer: '500' } });
    expect(disabled).toEqual([`${webhookId}: deliveries_failed 500`]);
    await expect.poll(async () => (await store.listAudit({ action: 'webhook.disabled', limit: 5 })).length).toBe(1);
    const [audited] = await store.listAudit({ action: 'webhook.disabled', limit: 5 });
    expect(audited!.details.reason).toEqual({ code: 'deliveries_failed', lastAnswer: '500' });

    // Turned off: a new event is stored for nobody, and nothing more is sent.
    const before = receiver.received.length;
    integrations.webhooks.outbox.forget(org.id);
    events.emit({ type: 'conversation.closed', conversation });
    await integrations.webhooks.outbox.settled();
    clock.advance(HOUR);
    await dispatcher.round();
    expect(receiver.received.length).toBe(before);
  }, 60_000);
});
