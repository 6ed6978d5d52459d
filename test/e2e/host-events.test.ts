// Host events in real Chromium: the classroom page's own handlers (queued before widget.js loaded) hear ready,
// open, close and the unread count rising when the agent replies while the panel is closed — the same count the
// launcher shows — and again after a reload; `ticket:updated` when support replies on the user's ticket; and the
// reply email's link (`#cs-ticket=CS-…`) opens the widget on that ticket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { signInToConsole, goAvailable } from '../support/console-page';
import { apiCaller, dataOf } from '../support/api-call';
import { DEMO_APP_KEY } from '../../examples/classroom/host-backend';
import type { TicketDetail } from '../../shared/ticket-model';

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
    c.on('ticket:updated', function (t) { w.__heard.push('ticket:' + t.number + ':' + t.status + ':' + t.hasNewReply); });
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
    await agent
      .getByRole('button', { name: /Hana Host/ })
      .first()
      .click();
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

  it('tells the page when support replies on a ticket, and the email link opens that ticket', async () => {
    const profile = await browser.newProfile();
    await profile.addInitScript(RECORD_EVENTS);
    const student = await profile.newPage();
    const classroom = `${server.url}/examples/classroom/?user=stu-tomo&name=Tomo%20Ticket&role=student&room=physics-101`;
    await student.goto(classroom);
    await expect.poll(() => heard(student), { timeout: 10_000 }).toContain('ready');
    const org = (await server.services.store.findOrganisationByAppKey(DEMO_APP_KEY))!;
    // The identity token connects the widget at once: the user exists before the panel ever opens.
    await expect.poll(async () => (await server.services.store.findEndUserByExternalId(org.id, 'stu-tomo'))?.id, { timeout: 10_000 }).toBeTruthy();
    const user = (await server.services.store.findEndUserByExternalId(org.id, 'stu-tomo'))!;

    const api = apiCaller(server.url, { cookie: await server.signIn('admin@example.com', 'admin-password') });
    const ticket = dataOf(
      await api<TicketDetail>('POST', '/api/tickets', {
        organisationId: org.id,
        endUserId: user.id,
        subject: 'Recording has no sound',
        priority: 'P3',
        description: 'Lesson 4',
      }),
    );
    dataOf(
      await api('POST', `/api/tickets/${ticket.number}/comments`, { text: 'We re-encoded the recording; please try again.', visibility: 'public' }),
    );
    // The page hears the reply on its ticket while the panel is closed.
    await expect.poll(() => heard(student), { timeout: 10_000 }).toContain(`ticket:${ticket.number}:open:true`);

    // The reply email's link: the page the widget was on, with the ticket in the fragment.
    await student.goto(`${classroom}#cs-ticket=${ticket.number}`);
    await expect.poll(() => student.getByText('We re-encoded the recording; please try again.').isVisible(), { timeout: 15_000 }).toBe(true);
    // The ticket itself, not the list.
    expect(await student.getByRole('button', { name: /Back to the list/ }).isVisible()).toBe(true);
    expect(await student.getByText(ticket.number).first().isVisible()).toBe(true);
    // Read once: the fragment leaves the address, so a reload does not open the panel again.
    expect(new URL(student.url()).hash).toBe('');
    await expect.poll(() => heard(student), { timeout: 10_000 }).toContain(`ticket:${ticket.number}:open:false`);
    await student.screenshot({ path: 'test-results/host-events-ticket-link.png' });
  }, 60_000);
});
