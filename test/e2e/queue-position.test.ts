// In real Chromium: a waiting student's widget shows its place in the queue move up when the chat ahead is served.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { nextEvent, okData, request, startTestServer, type TestServer } from '../support/server';

describe.runIf(browserAvailable())('queue position in the widget', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ examples: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function askForHelp(user: string, name: string): Promise<Page> {
    const page = await (await browser.newProfile()).newPage();
    await page.goto(`${server.url}/examples/classroom/?user=${user}&name=${encodeURIComponent(name)}&role=student&room=physics-101`);
    await page.getByRole('button', { name: /support/i }).click();
    await page.getByRole('textbox', { name: 'Message' }).fill('My audio is not working');
    await page.getByRole('button', { name: 'Send' }).click();
    return page;
  }

  it('moves from number 2 to number 1 when the student ahead is helped', async () => {
    const ada = await askForHelp('stu-ada', 'Ada Lovelace');
    await expect.poll(() => ada.getByText(/number 1 in the queue/i).count(), { timeout: 10_000 }).toBe(1);
    const bo = await askForHelp('stu-bo', 'Bo Chen');
    await expect.poll(() => bo.getByText(/number 2 in the queue/i).count(), { timeout: 10_000 }).toBe(1);

    // An agent takes Ada's chat by hand; Bo's widget hears only that its place moved.
    const agent = server.agentSocket(await server.signIn('admin@example.com', 'admin-password'));
    await nextEvent(agent, 'session');
    const inbox = okData(await request(agent, 'inbox:fetch'));
    const adaChat = inbox.queued.find((c) => c.user.name === 'Ada Lovelace');
    if (!adaChat) throw new Error('Ada’s chat is not in the queue');
    okData(await request(agent, 'queue:pick', { conversationId: adaChat.id }));
    await expect.poll(() => bo.getByText(/number 1 in the queue/i).count(), { timeout: 10_000 }).toBe(1);
  });
});
