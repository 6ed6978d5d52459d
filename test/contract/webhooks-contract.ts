// The webhook part of the Store contract: endpoints per organisation, an outbox that stores each (event,
// endpoint) once, claims of an attempt that exactly one racer wins, the delivery log, Resend and deletion.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../server/domain/ports';
import type { DeliveryRecord, WebhookRecord } from '../../server/domain/integrations/webhooks/webhook-store';
import { anOrganisation } from '../support/records';
import type { StoreHarness } from './store-contract';

const aWebhook = (organisationId: string, over: Partial<WebhookRecord> = {}): WebhookRecord => ({
  id: randomUUID(),
  organisationId,
  url: 'https://hooks.example.com/support',
  events: ['message.created'],
  secret: 'whsec_x',
  active: true,
  disabledReason: null,
  createdAt: 1_000,
  updatedAt: 1_000,
  ...over,
});

const aDelivery = (webhook: WebhookRecord, over: Partial<DeliveryRecord> = {}): DeliveryRecord => ({
  id: randomUUID(),
  webhookId: webhook.id,
  organisationId: webhook.organisationId,
  eventId: randomUUID(),
  type: 'message.created',
  body: '{"id":"x"}',
  status: 'pending',
  attempts: 0,
  nextAttemptAt: 2_000,
  createdAt: 2_000,
  finishedAt: null,
  ...over,
});

export function webhooksContract(harness: StoreHarness): void {
  describe('webhooks', () => {
    let store: Store;
    let orgId: string;
    beforeEach(async () => {
      store = await harness.open();
      orgId = (await store.createOrganisation(anOrganisation())).id;
    });
    afterEach(async () => {
      await harness.dispose(store);
    });

    it('keeps endpoints per organisation and changes them', async () => {
      const other = (await store.createOrganisation(anOrganisation())).id;
      const hook = aWebhook(orgId, { events: ['ticket.created', 'sla.breached'] });
      await store.createWebhook(hook);
      await store.createWebhook(aWebhook(other));
      expect(await store.listWebhooks(orgId)).toEqual([hook]);
      expect(
        await store.updateWebhook(hook.id, { active: false, disabledReason: { code: 'deliveries_failed', lastAnswer: '503' }, updatedAt: 5_000 }),
      ).toBe(true);
      expect(await store.getWebhook(hook.id)).toEqual({
        ...hook,
        active: false,
        disabledReason: { code: 'deliveries_failed', lastAnswer: '503' },
        updatedAt: 5_000,
      });
      expect(await store.updateWebhook(randomUUID(), { active: true, updatedAt: 1 })).toBe(false);
    });

    it('stores each (event, endpoint) once and lists due deliveries of active endpoints only', async () => {
      const on = aWebhook(orgId);
      const off = aWebhook(orgId, { active: false });
      await store.createWebhook(on);
      await store.createWebhook(off);
      const due = aDelivery(on);
      await store.enqueueDeliveries([due, aDelivery(off), aDelivery(on, { nextAttemptAt: 9_000 })]);
      await store.enqueueDeliveries([{ ...due, id: randomUUID() }]);
      expect(await store.listDueDeliveries(5_000, 10)).toEqual([due]);
    });

    it('lets exactly one of several racers claim an attempt', async () => {
      const hook = aWebhook(orgId);
      await store.createWebhook(hook);
      const delivery = aDelivery(hook);
      await store.enqueueDeliveries([delivery]);
      const wins = await Promise.all(Array.from({ length: 6 }, () => store.claimDelivery(delivery.id, 0, 3_000, 33_000)));
      expect(wins.filter(Boolean)).toHaveLength(1);
      // Leased: not due until the lease ends, and a claim with a stale attempt count fails even then.
      expect(await store.listDueDeliveries(30_000, 10)).toEqual([]);
      expect(await store.claimDelivery(delivery.id, 0, 40_000, 70_000)).toBe(false);
      expect(await store.claimDelivery(delivery.id, 1, 40_000, 70_000)).toBe(true);
    });

    it('records attempts for the log, requeues on Resend, and deletes with the endpoint', async () => {
      const hook = aWebhook(orgId);
      await store.createWebhook(hook);
      const delivery = aDelivery(hook);
      await store.enqueueDeliveries([delivery]);
      await store.claimDelivery(delivery.id, 0, 3_000, 33_000);
      await store.finishAttempt(
        { deliveryId: delivery.id, at: 3_000, status: 500, response: 'down', durationMs: 12 },
        { status: 'pending', nextAttemptAt: 8_000, finishedAt: null },
      );
      await store.claimDelivery(delivery.id, 1, 8_000, 38_000);
      await store.finishAttempt(
        { deliveryId: delivery.id, at: 8_000, status: 200, response: 'ok', durationMs: 7 },
        { status: 'delivered', nextAttemptAt: 8_010, finishedAt: 8_010 },
      );
      const [logged] = await store.listDeliveries(hook.id, 10);
      expect(logged).toMatchObject({ id: delivery.id, status: 'delivered', attempts: 2, finishedAt: 8_010 });
      expect(logged!.attemptLog.map((a) => [a.status, a.response, a.durationMs])).toEqual([
        [500, 'down', 12],
        [200, 'ok', 7],
      ]);
      expect(await store.requeueDelivery(delivery.id, 9_000)).toBe(true);
      expect((await store.listDueDeliveries(9_000, 10)).map((d) => d.id)).toEqual([delivery.id]);
      expect(await store.deleteWebhook(hook.id)).toBe(true);
      expect(await store.getDelivery(delivery.id)).toBeNull();
      expect(await store.deleteWebhook(hook.id)).toBe(false);
    });
  });
}
