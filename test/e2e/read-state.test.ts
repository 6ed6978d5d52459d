// Read state and presence in real Chromium: unread badges on both sides that survive reloads, "Seen" for the
// student, and "Offline" for the agent when the student's tab closes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { signInToConsole, goAvailable } from '../support/console-page';

describe.runIf(browserAvailable())('read state in the browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ examples: true, visitorOfflineGraceMs: 500 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const launcherLabel = (page: Page) => page.getByRole('button', { name: /support chat/i }).getAttribute('aria-label');

  it('keeps both unread counts right across reloads, shows "Seen", and shows the agent when the student leaves', async () => {
    const student = await (await browser.newProfile()).newPage();
    await student.goto(`${server.url}/examples/classroom/?user=stu-una&name=Una%20Unread&role=student&room=physics-101`);
    await student.getByRole('button', { name: /support/i }).click();
    await student.getByRole('textbox', { name: 'Message' }).fill('Is anyone there?');
    await student.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => student.getByRole('log').innerText(), { timeout: 10_000 }).toMatch(/Is anyone there\?[\s\S]*\d\d:\d\d/);
    await student.getByRole('button', { name: 'Minimize chat' }).click();

    const agent = await (await browser.newProfile()).newPage();
    await signInToConsole(agent, server.url);
    await goAvailable(agent);
    const chatInList = agent.getByRole('button', { name: /Una Unread/ }).first();
    // One message from the student; the routing note does not count.
    await expect.poll(() => chatInList.innerText(), { timeout: 10_000 }).toMatch(/\b1\s*unread/);
    await expect.poll(() => agent.title()).toMatch(/^\(1\)/);

    await agent.reload();
    await expect
      .poll(
        () =>
          agent
            .getByRole('button', { name: /Una Unread/ })
            .first()
            .innerText(),
        { timeout: 10_000 },
      )
      .toMatch(/\b1\s*unread/);

    await agent
      .getByRole('button', { name: /Una Unread/ })
      .first()
      .click();
    await expect.poll(() => agent.getByRole('log').innerText(), { timeout: 10_000 }).toContain('Is anyone there?');
    await expect
      .poll(() =>
        agent
          .getByRole('button', { name: /Una Unread/ })
          .first()
          .innerText(),
      )
      .not.toMatch(/unread/);
    await expect.poll(() => agent.title()).not.toMatch(/^\(/);
    await agent.getByRole('textbox', { name: 'Reply' }).fill('Hello Una, I am here.');
    await agent.getByRole('button', { name: 'Send' }).click();

    // The student's panel is closed: the badge counts what people in support wrote — the reply, not the routing
    // note naming who answers — and a reload does not change it.
    await expect.poll(() => launcherLabel(student), { timeout: 10_000 }).toBe('Open support chat, 1 unread');
    const before = await launcherLabel(student);
    await student.reload();
    await expect.poll(() => launcherLabel(student), { timeout: 10_000 }).toBe(before);

    await student.getByRole('button', { name: /support/i }).click();
    const log = student.getByRole('log');
    await expect.poll(() => log.innerText(), { timeout: 10_000 }).toMatch(/Is anyone there\?[\s\S]*· Seen[\s\S]*Hello Una, I am here\./);
    await student.getByRole('button', { name: 'Minimize chat' }).click();
    await expect.poll(() => launcherLabel(student)).toBe('Open support chat');
    await student.reload();
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await launcherLabel(student)).toBe('Open support chat');

    // The agent's reply showed "Seen" once the student read it; then the student leaves.
    await expect.poll(() => agent.getByRole('log').innerText(), { timeout: 10_000 }).toMatch(/Hello Una, I am here\.\s*Seen/);
    const header = agent.locator('.chat-who, .chat-head').first();
    await expect.poll(() => header.innerText(), { timeout: 10_000 }).toContain('Online');
    await agent.screenshot({ path: 'test-results/read-state-agent.png' });
    await student.close();
    await expect.poll(() => header.innerText(), { timeout: 10_000 }).toContain('Offline');
    await agent.screenshot({ path: 'test-results/read-state-agent-offline.png' });
  }, 90_000);
});
