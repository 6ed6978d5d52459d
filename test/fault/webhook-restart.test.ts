// A webhook delivery survives SIGKILL: the event is stored while the receiver fails, the server process is
// killed before any attempt succeeds, and after the restart the delivery arrives once the receiver answers,
// with the same delivery id as the failed attempts and exactly once after that.
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { VisitorClientEvents, VisitorServerEvents } from '../../shared/protocol';
import { VISITOR_NAMESPACE } from '../../shared/protocol';
import { LEASE_MS } from '../../server/domain/integrations/webhooks/webhook-dispatcher';
import { freePort, seedDeployment, startServerProcess, type Deployment, type ServerProcess } from '../support/server-process';
import { TEST_ORIGIN, newClientId, nextEvent, okData, request } from '../support/server';
import { startWebhookReceiver, verifySignature, type WebhookReceiver } from '../support/webhook-receiver';

const ENV = { SUPPORT_WEBHOOK_ALLOW_PRIVATE: '1' };

describe('webhook delivery across kill -9', () => {
  let deployment: Deployment | null = null;
  let server: ServerProcess | null = null;
  let receiver: WebhookReceiver | null = null;
  afterEach(async () => {
    await server?.stop().catch(() => {});
    await receiver?.close();
    await deployment?.remove();
  });

  it(
    'delivers after a restart once the receiver answers, with the same delivery id',
    async () => {
      deployment = await seedDeployment({ agents: 1, capacity: 2 });
      receiver = await startWebhookReceiver();
      receiver.answerWith(503);
      const store = deployment.openStore();
      const [org] = await store.listOrganisations();
      const secret = 'whsec_test-secret';
      await store.createWebhook({
        id: randomUUID(),
        organisationId: org!.id,
        url: receiver.url,
        events: ['message.created'],
        secret,
        active: true,
        disabledReason: null,
        createdAt: Date.now(),
        updatedAt: Date.now(),
      });
      await store.close();

      const port = await freePort();
      server = await startServerProcess(deployment, port, { env: ENV });
      const visitor = io(`${server.url}${VISITOR_NAMESPACE}`, {
        auth: { appKey: deployment.appKey, name: 'Ada' },
        extraHeaders: { origin: TEST_ORIGIN },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      }) as import('socket.io-client').Socket<VisitorServerEvents, VisitorClientEvents>;
      await nextEvent(visitor, 'session');
      const chat = okData(await request(visitor, 'conversation:start', { clientId: newClientId(), context: {} }));
      okData(await request(visitor, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'Can anyone hear me?' }));
      visitor.disconnect();

      // The receiver refuses the first attempt; the process dies before any succeeds.
      await expect.poll(() => receiver!.received.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(1);
      await server.kill9();
      const deliveryId = receiver.received[0]!.headers['x-classroom-support-delivery'];
      expect(deliveryId).toBe(receiver.received[0]!.json.id);
      const failedAttempts = receiver.received.length;

      receiver.answerWith(200);
      server = await startServerProcess(deployment, port, { env: ENV });
      // The kill may land while the failed attempt is still being recorded: then the claim's lease runs out first
      // and the delivery is due again LEASE_MS after it was claimed. Either way it must arrive.
      await expect.poll(() => receiver!.received.length, { timeout: LEASE_MS + 20_000, interval: 200 }).toBe(failedAttempts + 1);
      const delivered = receiver.received.at(-1)!;
      expect(delivered.headers['x-classroom-support-delivery']).toBe(deliveryId);
      expect(delivered.json).toMatchObject({ type: 'message.created', data: { message: { text: 'Can anyone hear me?' } } });
      expect(verifySignature(secret, delivered.headers['x-classroom-support-signature'] as string, delivered.body)).toBe(true);

      // Delivered means done: nothing more arrives, and the outbox row says delivered.
      await new Promise((r) => setTimeout(r, 2_000));
      expect(receiver.received).toHaveLength(failedAttempts + 1);
      await server.stop();
      server = null;
      const check = deployment.openStore();
      const [row] = await check.listDueDeliveries(Number.MAX_SAFE_INTEGER, 10);
      expect(row).toBeUndefined();
      await check.close();
    },
    LEASE_MS + 60_000,
  );
});
