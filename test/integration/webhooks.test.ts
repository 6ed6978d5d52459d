// Webhooks against a real HTTP receiver on loopback: registration over REST, signed deliveries of chat events,
// a 500 answer retried with the same delivery id, the delivery log and Resend, the SSRF rule, bad input.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminWebhook, WebhookDeliveryView } from '../../shared/webhook-events';
import { apiCaller, dataOf } from '../support/api-call';
import { identityToken, newClientId, nextEvent, okData, request, startTestServer, type TestServer } from '../support/server';
import { startWebhookReceiver, verifySignature, type WebhookReceiver } from '../support/webhook-receiver';

async function studentSays(server: TestServer, org: { appKey: string; identitySecret: string }, text: string): Promise<string> {
  const token = await identityToken(org.identitySecret, { sub: 'stu-1', name: 'Ada Student', role: 'student', classroom: 'physics-101' });
  const student = server.visitor({ appKey: org.appKey, token });
  await nextEvent(student, 'session');
  const chat = okData(await request(student, 'conversation:start', { clientId: newClientId(), context: {} }));
  okData(await request(student, 'message:send', { conversationId: chat.id, clientId: newClientId(), text }));
  return chat.id;
}

describe('webhooks', () => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  let api: ReturnType<typeof apiCaller>;

  beforeEach(async () => {
    server = await startTestServer({ webhookAllowPrivate: true });
    receiver = await startWebhookReceiver();
    api = apiCaller(server.url, { cookie: await server.signIn('admin@example.com', 'admin-password') });
  });
  afterEach(async () => {
    await server.stop();
    await receiver.close();
  });

  it('delivers a signed message.created to the registered endpoint, once', async () => {
    const org = await server.organisation({ name: 'Maple School' });
    const created = await api<{ webhook: AdminWebhook; secret: string }>('POST', `/api/admin/organisations/${org.id}/webhooks`, {
      url: receiver.url,
      events: ['message.created', 'conversation.closed'],
    });
    expect(created.status).toBe(201);
    const { webhook, secret } = dataOf(created);
    expect(secret).toMatch(/^whsec_/);
    expect(webhook).toMatchObject({ url: receiver.url, events: ['message.created', 'conversation.closed'], active: true });
    // The secret is shown once: the list never has it.
    const listed = dataOf(await api<AdminWebhook[]>('GET', `/api/admin/organisations/${org.id}/webhooks`));
    expect(JSON.stringify(listed)).not.toContain(secret);

    const conversationId = await studentSays(server, org, 'My audio is not working');
    await expect.poll(() => receiver.received.length, { timeout: 5_000 }).toBe(1);
    const [delivery] = receiver.received;
    expect(delivery!.headers['x-classroom-support-event']).toBe('message.created');
    expect(delivery!.headers['x-classroom-support-delivery']).toBe(delivery!.json.id);
    expect(verifySignature(secret, delivery!.headers['x-classroom-support-signature'] as string, delivery!.body)).toBe(true);
    expect(verifySignature('whsec_wrong', delivery!.headers['x-classroom-support-signature'] as string, delivery!.body)).toBe(false);
    expect(delivery!.json).toMatchObject({
      type: 'message.created',
      organisationId: org.id,
      data: {
        conversation: { id: conversationId },
        message: { seq: 1, authorKind: 'visitor', text: 'My audio is not working' },
        endUser: { externalId: 'stu-1' },
      },
    });

    // The delivery log shows the attempt and the receiver's answer; nothing is sent twice.
    const log = dataOf(await api<WebhookDeliveryView[]>('GET', `/api/admin/organisations/${org.id}/webhooks/${webhook.id}/deliveries`));
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      eventId: delivery!.json.id,
      type: 'message.created',
      status: 'delivered',
      attempts: [{ status: 200, response: 'thanks' }],
    });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(receiver.received).toHaveLength(1);
  });

  it('retries a 500 answer within 10 s with the same delivery id, and Resend sends it again', async () => {
    const org = await server.organisation();
    const { webhook, secret } = dataOf(
      await api<{ webhook: AdminWebhook; secret: string }>('POST', `/api/admin/organisations/${org.id}/webhooks`, {
        url: receiver.url,
        events: ['message.created'],
      }),
    );
    receiver.answerWith(500);
    await studentSays(server, org, 'Video frozen');
    await expect.poll(() => receiver.received.length, { timeout: 5_000 }).toBe(1);
    receiver.answerWith(200);
    await expect.poll(() => receiver.received.length, { timeout: 12_000, interval: 200 }).toBe(2);
    const [first, second] = receiver.received;
    expect(second!.at - first!.at).toBeLessThan(10_000);
    expect(second!.headers['x-classroom-support-delivery']).toBe(first!.headers['x-classroom-support-delivery']);
    expect(second!.body).toBe(first!.body);
    expect(verifySignature(secret, second!.headers['x-classroom-support-signature'] as string, second!.body)).toBe(true);

    const path = `/api/admin/organisations/${org.id}/webhooks/${webhook.id}/deliveries`;
    await expect.poll(async () => dataOf(await api<WebhookDeliveryView[]>('GET', path))[0]?.status).toBe('delivered');
    const [logged] = dataOf(await api<WebhookDeliveryView[]>('GET', path));
    expect(logged!.attempts.map((a) => [a.status, a.response])).toEqual([
      [500, 'receiver is down'],
      [200, 'thanks'],
    ]);

    const resent = await api('POST', `${path}/${logged!.id}/resend`);
    expect(resent.status).toBe(200);
    await expect.poll(() => receiver.received.length, { timeout: 5_000 }).toBe(3);
    expect(receiver.received[2]!.headers['x-classroom-support-delivery']).toBe(first!.headers['x-classroom-support-delivery']);
  });

  it('updates, rotates the secret (new signatures only verify with it) and deletes', async () => {
    const org = await server.organisation();
    const base = `/api/admin/organisations/${org.id}/webhooks`;
    const { webhook, secret } = dataOf(
      await api<{ webhook: AdminWebhook; secret: string }>('POST', base, { url: receiver.url, events: ['conversation.closed'] }),
    );
    const updated = dataOf(await api<AdminWebhook>('PATCH', `${base}/${webhook.id}`, { events: ['message.created'] }));
    expect(updated.events).toEqual(['message.created']);
    const rotated = dataOf(await api<{ webhook: AdminWebhook; secret: string }>('POST', `${base}/${webhook.id}/rotate-secret`));
    expect(rotated.secret).not.toBe(secret);
    await studentSays(server, org, 'Hello');
    await expect.poll(() => receiver.received.length, { timeout: 5_000 }).toBe(1);
    const got = receiver.received[0]!;
    expect(verifySignature(rotated.secret, got.headers['x-classroom-support-signature'] as string, got.body)).toBe(true);
    expect(verifySignature(secret, got.headers['x-classroom-support-signature'] as string, got.body)).toBe(false);

    expect((await api('DELETE', `${base}/${webhook.id}`)).status).toBe(200);
    expect(dataOf(await api<AdminWebhook[]>('GET', base))).toEqual([]);
  });

  it('refuses bad input and another organisation’s webhook, changing nothing', async () => {
    const org = await server.organisation();
    const other = await server.organisation();
    const base = `/api/admin/organisations/${org.id}/webhooks`;
    const bad = [
      { url: 'ftp://example.com/x', events: ['message.created'] },
      { url: 'https://user:pw@example.com/x', events: ['message.created'] },
      { url: receiver.url, events: [] },
      { url: receiver.url, events: ['message.deleted'] },
      { url: receiver.url, events: ['message.created'], extra: 1 },
      { url: 42, events: ['message.created'] },
    ];
    for (const body of bad) {
      const answer = await api('POST', base, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect((await api('POST', '/api/admin/organisations/not-a-uuid/webhooks', { url: receiver.url, events: ['message.created'] })).status).toBe(400);
    expect(
      (await api('POST', `/api/admin/organisations/${crypto.randomUUID()}/webhooks`, { url: receiver.url, events: ['message.created'] })).status,
    ).toBe(404);
    const { webhook } = dataOf(
      await api<{ webhook: AdminWebhook; secret: string }>('POST', base, { url: receiver.url, events: ['message.created'] }),
    );
    // Through the other organisation's path the webhook does not exist.
    const otherBase = `/api/admin/organisations/${other.id}/webhooks/${webhook.id}`;
    expect((await api('PATCH', otherBase, { active: false })).status).toBe(404);
    expect((await api('DELETE', otherBase)).status).toBe(404);
    expect((await api('GET', `${otherBase}/deliveries`)).status).toBe(404);
    expect(dataOf(await api<AdminWebhook[]>('GET', base))).toMatchObject([{ id: webhook.id, active: true }]);
    // Agents who are not admins may not touch webhooks.
    const lin = await server.agent({ role: 'agent' });
    const asAgent = apiCaller(server.url, { cookie: await server.signIn(lin.email, lin.password) });
    expect((await asAgent('GET', base)).status).toBe(403);
    expect((await asAgent('POST', base, { url: receiver.url, events: ['message.created'] })).status).toBe(403);
  });
});

describe('webhooks to private addresses', () => {
  it('are refused without SUPPORT_WEBHOOK_ALLOW_PRIVATE=1', async () => {
    const server = await startTestServer();
    try {
      const api = apiCaller(server.url, { cookie: await server.signIn('admin@example.com', 'admin-password') });
      const org = await server.organisation();
      for (const url of [
        'http://127.0.0.1:9/x',
        'http://localhost:9/x',
        'http://10.0.0.8/x',
        'http://192.168.1.2/x',
        'http://[::1]:9/x',
        'http://169.254.169.254/latest',
      ]) {
        const answer = await api('POST', `/api/admin/organisations/${org.id}/webhooks`, { url, events: ['message.created'] });
        expect(answer.status, url).toBe(400);
        expect(answer.result).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringContaining('private') } });
      }
      expect(await server.services.store.listWebhooks(org.id)).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
