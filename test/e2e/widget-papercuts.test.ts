// Widget papercuts of issue 13 in real Chromium: after "I still need help" the composer fits inside the panel; a
// page whose origin the school has not allowed says so plainly and offers no composer to write into; a message
// written while support is unreachable says it waits for the connection (and goes by itself), not "Not sent";
// Tab cycles inside the open panel; a student whose agent's console dropped for good is told, and offered someone
// else or a ticket.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { goAvailable, signInToConsole } from '../support/console-page';

describe.runIf(browserAvailable())('widget papercuts', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ examples: true, agentGraceMs: 1_500 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openWidget(user: string, name: string): Promise<Page> {
    const page = await (await browser.newProfile()).newPage();
    await page.goto(`${server.url}/examples/classroom/?user=${user}&name=${encodeURIComponent(name)}&role=student&room=physics-101`);
    await page.getByRole('button', { name: /support/i }).click();
    return page;
  }

  it('shows the whole composer after "I still need help", nothing clipped by the panel', async () => {
    const page = await openWidget('stu-clip', 'Cleo Clip');
    const message = page.getByRole('textbox', { name: 'Message' });
    await message.fill('Nobody can hear me when I talk');
    const matches = page.getByRole('navigation', { name: 'These articles may help' }).getByRole('link');
    await expect.poll(() => matches.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await matches.first().click();
    await page.getByRole('button', { name: 'I still need help' }).click();
    await expect.poll(() => page.getByText(/Your agent will see that you read/).count()).toBe(1);
    for (const height of [800, 700]) {
      await page.setViewportSize({ width: 1280, height });
      await message.focus();
      const fit = await page.locator('classroom-support').evaluate((host) => {
        const panel = (host.shadowRoot as ShadowRoot).querySelector('.panel') as HTMLElement;
        const box = panel.getBoundingClientRect();
        const parts = ['.head', 'form', 'textarea', '.send'].map((s) =>
          (panel.querySelector(`:scope > ${s}, :scope > form ${s}`) as HTMLElement).getBoundingClientRect(),
        );
        return { scrolled: panel.scrollTop, inside: parts.every((r) => r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5) };
      });
      expect(fit, `at 1280×${height}`).toEqual({ scrolled: 0, inside: true });
    }
    await page.screenshot({ path: 'test-results/still-need-help.png' });
  }, 60_000);

  it('tells a student on a page that is not allowed, plainly, and disables the composer', async () => {
    // A host page served by a second web server on loopback: an origin the demo school has not allowed.
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Class</title></head><body>
      <script async src="${server.url}/widget.js" data-server="${server.url}" data-app-key="demo-classroom"></script></body></html>`;
    const elsewhere = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    try {
      const page = await (await browser.newProfile()).newPage();
      await page.goto(`http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/`);
      await page.getByRole('button', { name: /support chat/i }).click();
      const panel = page.getByRole('dialog', { name: 'Classroom Support' });
      await expect.poll(() => panel.getByRole('status').first().innerText(), { timeout: 15_000 }).toBe('Support chat is not set up for this page.');
      expect(await panel.innerText()).not.toMatch(/Origin|embed/);
      expect(await panel.getByRole('textbox', { name: 'Message' }).isDisabled()).toBe(true);
      expect(await panel.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
      await page.screenshot({ path: 'test-results/widget-origin-not-allowed.png' });
    } finally {
      await new Promise((resolve) => elsewhere.close(resolve));
    }
  }, 60_000);

  it('says a message waits for the connection and goes by itself, not "Not sent · Retry", while support is unreachable', async () => {
    const page = await openWidget('stu-wait', 'Wes Wait');
    const log = page.getByRole('log', { name: 'Messages' });
    const message = page.getByRole('textbox', { name: 'Message' });
    await message.fill('The slides froze');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => log.innerText(), { timeout: 10_000 }).toContain('The slides froze');
    await expect.poll(() => log.innerText(), { timeout: 10_000 }).not.toContain('Sending…');

    await page.context().setOffline(true);
    await message.fill('Still frozen after a reload');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    // Past the 10 s without an answer: what is true is that it waits, and will go by itself.
    await expect.poll(() => log.innerText(), { timeout: 25_000 }).toContain('Waiting for the connection · sends by itself');
    expect(await log.innerText()).not.toContain('Not sent');
    expect(await log.getByRole('button', { name: 'Retry' }).count()).toBe(0);
    await page.screenshot({ path: 'test-results/widget-waiting-to-send.png' });

    await page.context().setOffline(false);
    await expect.poll(() => log.innerText(), { timeout: 30_000 }).not.toContain('Waiting for the connection');
    expect(await log.innerText()).toContain('Still frozen after a reload');
    // It reached the server: after a reload the history (from the server) has it, once.
    await page.reload();
    await page.getByRole('button', { name: /support/i }).click();
    await expect.poll(() => page.getByRole('log', { name: 'Messages' }).innerText(), { timeout: 10_000 }).toContain('Still frozen after a reload');
    expect((await page.getByRole('log', { name: 'Messages' }).innerText()).match(/Still frozen after a reload/g)).toHaveLength(1);
  }, 90_000);

  it('keeps Tab inside the panel: from the message box on to the header, and Shift+Tab back', async () => {
    const page = await openWidget('stu-tab', 'Tara Tab');
    const focused = () =>
      page.locator('classroom-support').evaluate((host) => {
        const el = (host.shadowRoot as ShadowRoot).activeElement as HTMLElement | null;
        return el ? (el.getAttribute('aria-label') ?? el.textContent ?? el.tagName) : null;
      });
    const message = page.getByRole('textbox', { name: 'Message' });
    await message.focus();
    // Nothing typed: Send is disabled, so the message box is the panel's last control.
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Minimize chat');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('Message');
    // With a draft, Send is the last control, and Tab from it comes round as well.
    await message.fill('Hello');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Send');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Minimize chat');
  }, 60_000);

  it("tells the student when their agent's console dropped for good, and finds them someone else", async () => {
    const page = await openWidget('stu-gone', 'Gus Gone');
    await page.getByRole('textbox', { name: 'Message' }).fill('My screen share stopped');
    await page.getByRole('button', { name: 'Send', exact: true }).click();

    const agentProfile = await browser.newProfile();
    const agent = await agentProfile.newPage();
    await signInToConsole(agent, server.url);
    await goAvailable(agent);
    await agent
      .getByRole('button', { name: /Gus Gone/ })
      .first()
      .click();
    await agent.getByRole('textbox', { name: 'Reply' }).fill('Let me look at your class.');
    await agent.getByRole('button', { name: 'Send', exact: true }).click();
    const panel = page.getByRole('dialog', { name: 'Classroom Support' });
    await expect.poll(() => panel.getByRole('log').innerText(), { timeout: 10_000 }).toContain('Let me look at your class.');

    // The agent's laptop goes away: after the grace period the student is told instead of writing into the void.
    await agentProfile.close();
    const told = panel.getByRole('alert').filter({ hasText: 'Administrator lost their connection.' });
    await expect.poll(() => told.count(), { timeout: 15_000 }).toBe(1);
    expect(await told.getByRole('button', { name: "Can't stay? Create a ticket" }).count()).toBe(1);
    await page.screenshot({ path: 'test-results/widget-agent-gone.png' });
    await told.getByRole('button', { name: 'Ask someone else' }).click();
    await expect.poll(() => panel.getByRole('status').first().innerText(), { timeout: 10_000 }).toMatch(/^Waiting for an agent/);
    expect(await panel.getByRole('alert').filter({ hasText: 'lost their connection' }).count()).toBe(0);
  }, 90_000);
});
