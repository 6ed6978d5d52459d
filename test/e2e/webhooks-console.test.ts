// Webhooks in the console, in real Chromium: an admin adds an endpoint (a real receiver on loopback), copies
// the secret shown once, sees a chat message delivered in the log with the receiver's answer, and resends it.
// On call: the admin sets the rota's time zone, a shift and a team chat (the same receiver); a P1 ticket of an
// agent who is not connected pages the chat, and the admin acknowledges the page in the console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Organisation } from '../../server/domain/records';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { signInToConsole } from '../support/console-page';
import { identityToken, newClientId, nextEvent, okData, request, startTestServer, type TestServer } from '../support/server';
import { startWebhookReceiver, verifySignature, type WebhookReceiver } from '../support/webhook-receiver';
import { DateTime } from 'luxon';
import { apiCaller, dataOf } from '../support/api-call';
import type { TicketDetail } from '../../shared/ticket-model';

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
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Organisation' }).locator('option').allInnerTexts(), { timeout: 10_000 })
      .toEqual(['Maple School']);
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
    const chat = okData(await request(student, 'conversation:start', { clientId: newClientId(), context: {} }));
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

  it('sets the on-call rota and a team chat; a page reaches the chat and is acknowledged in the console', async () => {
    const lin = await server.agent({ name: 'Lin Oncall', email: 'lin.oncall@support.example', tier: 'L1' });
    await page.getByRole('tab', { name: 'On call' }).click();
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Organisation' }).locator('option').allInnerTexts(), { timeout: 10_000 })
      .toEqual(['Maple School']);
    await page.getByRole('textbox', { name: 'Time zone of the rota' }).fill('Asia/Shanghai');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByText('Saved.').isVisible(), { timeout: 10_000 }).toBe(true);

    const local = (ms: number) => DateTime.fromMillis(ms, { zone: 'Asia/Shanghai' }).toFormat("yyyy-MM-dd'T'HH:mm");
    const shift = page.getByRole('form', { name: 'Add shift' });
    await shift.getByRole('combobox', { name: 'Tier' }).selectOption('L1');
    await shift.getByRole('combobox', { name: 'Agent' }).selectOption({ label: 'Lin Oncall' });
    await shift.getByLabel('Starts').fill(local(Date.now() - 3_600_000));
    await shift.getByLabel('Ends').fill(local(Date.now() + 8 * 3_600_000));
    await shift.getByRole('button', { name: 'Add shift' }).click();
    await expect.poll(() => page.getByRole('table', { name: /Shifts/ }).innerText(), { timeout: 10_000 }).toContain('Lin Oncall');
    await expect.poll(() => page.getByRole('region', { name: 'On call now' }).innerText()).toMatch(/L1\s+Lin Oncall/);

    const chat = page.getByRole('form', { name: 'Add team chat' });
    await chat.getByLabel('Incoming webhook URL').fill(`${receiver.url}/team-chat`);
    await chat.getByRole('combobox', { name: 'Format' }).selectOption('json');
    await chat.getByRole('button', { name: 'Add team chat' }).click();
    await expect.poll(() => page.getByText('Team chat added.').isVisible(), { timeout: 10_000 }).toBe(true);

    // A P1 ticket of Lin, whose console is closed: the team chat is paged.
    const api = apiCaller(server.url, { cookie: await server.signIn('admin@example.com', 'admin-password') });
    const ticket = dataOf(
      await api<TicketDetail>('POST', '/api/tickets', {
        organisationId: maple.id,
        subject: 'Whole class frozen',
        priority: 'P1',
        assigneeId: lin.id,
      }),
    );
    await expect
      .poll(() => receiver.received.filter((r) => r.json.type === 'page' && r.body.includes(ticket.number)).length, { timeout: 15_000 })
      .toBe(1);

    // The tab opened again shows the page; Acknowledge stops it.
    await page.getByRole('tab', { name: 'Webhooks' }).click();
    await page.getByRole('tab', { name: 'On call' }).click();
    const pages = page.getByRole('table', { name: 'Recent pages' });
    await expect.poll(() => pages.innerText(), { timeout: 10_000 }).toContain('Paging');
    await page.getByRole('button', { name: `Acknowledge the page for ${ticket.number}` }).click();
    await expect.poll(() => pages.innerText(), { timeout: 10_000 }).toContain('Acknowledged');
    await page.screenshot({ path: 'test-results/oncall-admin.png', fullPage: true });
  }, 60_000);
});
