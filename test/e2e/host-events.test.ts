// Host events in real Chromium: the classroom page's own handlers (queued before widget.js loaded) hear ready,
// open, close and the unread count rising when the agent replies while the panel is closed — the same count the
// launcher shows — and again after a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { signInToConsole, goAvailable } from '../support/console-page';

/** Runs before the page's own scripts: the paste-in stub, then handlers queued through it, as a host app would. */
const RECORD_EVENTS = `
  (function (w) {
    var c = w.ClassroomSupport = w.ClassroomSupport || { _q: [] };
    ['init','open','close','setContext','on','off','reportQuality'].forEach(function (m) {
      c[m] = c[m] || function () { c._q.push([m, [].slice.call(arguments)]); };
    });
    w.__heard = [];
    ['ready', 'open', 'close', 'error'].forEach(function (name) {
      c.on(name, function () { w.__heard.push(name); });
    });
    c.on('unread', function (count) { w.__heard.push('unread:' + count); });
  })(window);
`;

describe.runIf(browserAvailable())('host events in the browser', () => {
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

  const launcherLabel = (page: Page) => page.getByRole('button', { name: /support chat/i }).getAttribute('aria-label');
  const heard = (page: Page) => page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
  const lastUnread = async (page: Page) => (await heard(page)).filter((e) => e.startsWith('unread:')).at(-1);

  it("tells the page's handlers about ready, open, close and unread replies, the same count as the launcher", async () => {
    const profile = await browser.newProfile();
    await profile.addInitScript(RECORD_EVENTS);
    const student = await profile.newPage();
    await student.goto(`${server.url}/examples/classroom/?user=stu-hana&name=Hana%20Host&role=student&room=physics-101`);
    await expect.poll(() => heard(student), { timeout: 10_000 }).toContain('ready');
    expect(await lastUnread(student)).toBe('unread:0');

    await student.getByRole('button', { name: 'Open support chat' }).click();
    await student.getByRole('textbox', { name: 'Message' }).fill('My microphone stopped working');
    await student.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => student.getByRole('log').innerText(), { timeout: 10_000 }).toContain('My microphone stopped working');
    await student.getByRole('button', { name: 'Minimize chat' }).click();
    await expect.poll(() => heard(student)).toEqual(expect.arrayContaining(['ready', 'open', 'close']));

    const agent = await (await browser.newProfile()).newPage();
    await signInToConsole(agent, server.url);
    await goAvailable(agent);
    await agent.getByRole('button', { name: /Hana Host/ }).first().click();
    await expect.poll(() => agent.getByRole('log').innerText(), { timeout: 10_000 }).toContain('My microphone stopped working');
    await agent.getByRole('textbox', { name: 'Reply' }).fill('Check the browser lets the page use it.');
    await agent.getByRole('button', { name: 'Send' }).click();
    await agent.getByRole('textbox', { name: 'Reply' }).fill('Then reload the class.');
    await agent.getByRole('button', { name: 'Send' }).click();

    // Two replies while the panel is closed: the routing note ("… joined") is no reply and counts on neither side.
    await expect.poll(() => launcherLabel(student), { timeout: 10_000 }).toBe('Open support chat, 2 unread');
    await expect.poll(() => lastUnread(student)).toBe('unread:2');
    expect(await student.getByRole('button', { name: /^Help/ }).getAttribute('aria-label')).toBe('Help, 2 unread');
    const counts = (await heard(student)).filter((e) => e.startsWith('unread:'));
    // It rose, and only changes were told: no value twice in a row.
    expect(counts).toContain('unread:1');
    expect(counts.every((c, i) => c !== counts[i - 1])).toBe(true);
    await student.screenshot({ path: 'test-results/host-events-badge.png' });

    // A reload reconnects: the page's handler hears the same count as the launcher again.
    await student.reload();
    await expect.poll(() => lastUnread(student), { timeout: 10_000 }).toBe('unread:2');
    expect(await launcherLabel(student)).toBe('Open support chat, 2 unread');

    // The page's own Help button opens the widget; reading the replies brings both counts to zero.
    await student.getByRole('button', { name: /^Help/ }).click();
    await expect.poll(() => student.getByRole('log').innerText(), { timeout: 10_000 }).toContain('Then reload the class.');
    await expect.poll(() => lastUnread(student)).toBe('unread:0');
    expect(await student.getByRole('button', { name: /^Help/ }).getAttribute('aria-label')).toBe('Help');
    expect(await heard(student)).not.toContain('error');
  }, 90_000);
});
