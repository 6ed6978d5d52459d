// In real Chromium: an agent attaches a file to a ticket, the server stores it but the answer is lost; the
// console says it was not sent and offers Retry; the retry carries the same upload id, so the ticket ends up
// with exactly one copy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Route } from 'playwright-core';
import type { AttachmentView, TicketDetail } from '../../shared/ticket-model';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { signInToConsole } from '../support/console-page';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(20_000, 7)]);

describe.runIf(browserAvailable())('retrying a console upload', () => {
  let server: TestServer;
  let browser: Browser;
  let cookie: string;
  let ticket: TicketDetail;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const org = await server.organisation({ name: 'Maple School' });
    cookie = await server.signIn('admin@example.com', 'admin-password');
    const res = await fetch(`${server.url}/api/tickets`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'Whiteboard stays blank', priority: 'P2', organisationId: org.id }),
    });
    ticket = ((await res.json()) as { data: TicketDetail }).data;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const attachments = async (): Promise<AttachmentView[]> =>
    ((await (await fetch(`${server.url}/api/tickets/${ticket.id}/attachments`, { headers: { cookie } })).json()) as { data: AttachmentView[] }).data;

  it('stores the file once when the first answer was lost', async () => {
    const profile = await browser.newProfile();
    const uploadIds: (string | undefined)[] = [];
    let loseAnswer = true;
    await profile.route('**/api/tickets/*/attachments', async (route: Route) => {
      if (route.request().method() !== 'POST') return route.continue();
      uploadIds.push(route.request().headers()['x-upload-id']);
      if (!loseAnswer) return route.continue();
      // The server stores the file; the console never hears back.
      await route.fetch();
      await route.abort('connectionreset');
    });
    const page = await profile.newPage();
    await signInToConsole(page, server.url);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Tickets' }).click();
    await page
      .getByRole('button', { name: /Whiteboard stays blank/ })
      .first()
      .click();

    await page.locator('#ticket-attach').setInputFiles({ name: 'blank.png', mimeType: 'image/png', buffer: PNG });
    const retry = page.getByRole('button', { name: 'Retry' });
    await expect.poll(() => retry.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await attachments()).toHaveLength(1);

    loseAnswer = false;
    await retry.click();
    await expect.poll(() => page.getByRole('link', { name: 'blank.png' }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => retry.count()).toBe(0);
    expect(await attachments()).toHaveLength(1);
    expect(uploadIds).toHaveLength(2);
    expect(uploadIds[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(uploadIds[1]).toBe(uploadIds[0]);
  });
});
