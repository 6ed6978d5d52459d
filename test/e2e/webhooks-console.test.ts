// Webhooks in the console, in real Chromium: an admin adds an endpoint (a real receiver on loopback), copies
// the secret shown once, sees a chat message delivered in the log with the receiver's answer, and resends it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Organisation } from '../../server/domain/records';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { signInToConsole } from '../support/console-page';
import { identityToken, newClientId, nextEvent, okData, request, startTestServer, type TestServer } from '../support/server';
import { startWebhookReceiver, verifySignature, type WebhookReceiver } from '../support/webhook-receiver';

describe.runIf(browserAvailable())('webhooks in the console', () => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  let browser: Browser;
  let page: Page;
  let maple: Organisation;

  beforeAll(async () => {
    server = await startTestServer({ webhookAllowPrivate: true });
    receiver = await startWebhookReceiver();
    maple = await server.organisation({ name: 'Maple School' });
    browser = await launchBrowser();
    page = await (await browser.newProfile()).newPage();
    await signInToConsole(page, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await receiver?.close();
  });

  it('adds a webhook, shows its secret once, logs each delivery with the answer, and resends', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('tab', { name: 'Webhooks' }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Organisation' }).locator('option').allInnerTexts(), { timeout: 10_000 }).toEqual(['Maple School']);
    const form = page.getByRole('form', { name: 'Add a webhook' });
    await form.getByLabel('Endpoint URL').fill(receiver.url);
    await form.getByRole('checkbox', { name: 'message.created' }).check();
    await form.getByRole('button', { name: 'Add webhook' }).click();
    const issued = page.getByRole('status').filter({ hasText: 'shown once' });
    await expect.poll(() => issued.isVisible(), { timeout: 10_000 }).toBe(true);
    const secret = /whsec_[\w-]+/.exec(await issued.innerText())?.[0];
    expect(secret).toBeTruthy();
    await page.getByRole('button', { name: 'I have saved it' }).click();
    await expect.poll(() => page.getByText(secret!).count()).toBe(0);

    const token = await identityToken(maple.identitySecret, { sub: 'stu-9', name: 'Ada', role: 'student' });
    const student = server.visitor({ appKey: maple.appKey, token });
    await nextEvent(student, 'session');
    const chat = okData(await request<{ id: string }>(student, 'conversation:start', { clientId: newClientId(), context: {} }));
    okData(await request(student, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'Hello from class' }));
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(1);
    expect(verifySignature(secret!, receiver.received[0]!.headers['x-classroom-support-signature'] as string, receiver.received[0]!.body)).toBe(true);

    const card = page.getByRole('article', { name: `Webhook ${receiver.url}` });
    await card.getByRole('button', { name: 'Deliveries' }).click();
    const log = card.getByRole('table', { name: 'Deliveries' });
    await expect.poll(() => log.isVisible(), { timeout: 10_000 }).toBe(true);
    const row = log.getByRole('row').filter({ hasText: 'message.created' });
    expect(await row.innerText()).toContain('Delivered');
    expect(await row.innerText()).toContain('200');
    await page.screenshot({ path: '/tmp/webhooks-console.png', fullPage: true });

    await row.getByRole('button', { name: /^Resend/ }).click();
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(2);
    expect(receiver.received[1]!.headers['x-classroom-support-delivery']).toBe(receiver.received[0]!.headers['x-classroom-support-delivery']);
    await expect.poll(async () => (await row.innerText()).match(/200/g)?.length ?? 0, { timeout: 10_000 }).toBe(2);
  });
});
