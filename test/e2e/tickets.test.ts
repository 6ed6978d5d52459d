// Tickets in real Chromium: a chat becomes a P2 ticket the student follows in the widget; replies reach them,
// internal notes never do. Then the guided form: a P1 with a file and a call-back that alarms the console. Last,
// the agent's time zone for the console's times (Account), saved with the account so another browser has it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { signInToConsole, goAvailable } from '../support/console-page';
import { expectAccessible } from '../support/axe';

describe.runIf(browserAvailable())('tickets in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let student: Page;
  let agent: Page;

  beforeAll(async () => {
    server = await startTestServer({ examples: true });
    browser = await launchBrowser();
    student = await (await browser.newProfile()).newPage();
    agent = await (await browser.newProfile()).newPage();
    await signInToConsole(agent, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const widgetText = () => student.locator('classroom-support').evaluate((host) => (host.shadowRoot as ShadowRoot).textContent ?? '');

  it('turns a chat into a P2 ticket the student follows in the widget, replies included, notes never', async () => {
    await student.goto(`${server.url}/examples/classroom/?user=stu-ada&name=Ada%20Lovelace&role=student&room=physics-101`);
    await student.getByRole('button', { name: /support/i }).click();
    await student.getByRole('textbox', { name: 'Message' }).fill('My audio is not working');
    await student.getByRole('button', { name: 'Send', exact: true }).click();

    await goAvailable(agent);
    await agent
      .getByRole('button', { name: /Ada Lovelace/ })
      .first()
      .click();
    await expect.poll(() => agent.getByRole('log').innerText(), { timeout: 10_000 }).toContain('My audio is not working');

    // The agent turns the chat into a ticket.
    await agent.getByRole('button', { name: 'Create ticket' }).click();
    await agent.getByRole('textbox', { name: 'Subject' }).fill('Student hears no audio in physics-101');
    const priority = agent.getByRole('combobox', { name: 'Priority' });
    expect(await priority.locator('option').allInnerTexts()).toEqual([
      expect.stringContaining('P1'),
      expect.stringContaining('P2'),
      expect.stringContaining('P3'),
      expect.stringContaining('P4'),
    ]);
    await priority.selectOption('P2');
    await agent.getByRole('button', { name: 'Create', exact: true }).click();
    const created = agent.getByText(/CS-\d{6}/).first();
    await expect.poll(() => created.isVisible(), { timeout: 10_000 }).toBe(true);
    const number = (/CS-\d{6}/.exec(await created.innerText()) as RegExpExecArray)[0];

    // The student opens Tickets and sees the same number and who is on it.
    await student.getByRole('button', { name: 'Tickets' }).click();
    const row = student.getByRole('button', { name: new RegExp(number) });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.innerText()).toContain('Administrator');
    expect(await row.innerText()).toContain('P2');
    await row.click();
    const history = student.getByRole('log', { name: 'Ticket history' });
    await expect.poll(() => history.innerText(), { timeout: 10_000 }).toContain('We created this ticket from your chat.');
    expect(await widgetText()).toContain('Administrator');
    await expectAccessible(student, 'the widget’s ticket view');

    // On the console: an internal note first, then a public reply.
    await agent.getByRole('button', { name: 'Open ticket' }).click();
    await agent.getByRole('textbox', { name: /note/i }).fill('Her headset is muted in Windows sound settings');
    await agent.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => agent.getByText('Her headset is muted in Windows sound settings').count(), { timeout: 10_000 }).toBe(1);
    await expectAccessible(agent, 'the console’s ticket with a note');
    await agent.getByRole('textbox', { name: 'Reply' }).fill('Please unmute your headset in the sound settings, then rejoin.');
    await agent.getByRole('button', { name: 'Send' }).click();

    await expect.poll(() => history.innerText(), { timeout: 10_000 }).toContain('Please unmute your headset in the sound settings, then rejoin.');
    // The switch stays the one control named "Tickets" while a ticket is open.
    expect(await student.getByRole('button', { name: 'Tickets' }).count()).toBe(1);
    expect(await widgetText()).not.toContain('muted in Windows');
    // Nor after a reload: the student's view is built from what the server lets them see.
    await student.reload();
    await student.getByRole('button', { name: /support/i }).click();
    await student.getByRole('button', { name: 'Tickets' }).click();
    await student.getByRole('button', { name: new RegExp(number) }).click();
    await expect.poll(() => student.getByRole('log', { name: 'Ticket history' }).innerText(), { timeout: 10_000 }).toContain('rejoin');
    expect(await widgetText()).not.toContain('muted in Windows');
  }, 60_000);

  it('files a P1 from the guided form with a screenshot and a call-back, which alarms the console', async () => {
    // Only the widget's switch is named "Tickets": the way back inside the view says "list".
    await student.getByRole('button', { name: 'Back to the list' }).click();
    await student.getByRole('button', { name: 'New ticket' }).click();
    await student.getByRole('textbox', { name: 'What happened?' }).fill('The whole class was disconnected and cannot rejoin');
    await student.getByText('The whole class cannot continue').click();
    await expect.poll(() => student.getByText(/Priority P1/).count()).toBe(1);
    // The environment is shown before sending.
    expect(await widgetText()).toContain('physics-101');
    await expect.poll(() => student.getByText('+1 555 0100').count()).toBe(1);
    await expectAccessible(student, 'the guided ticket form with a P1');
    await student.getByRole('checkbox', { name: 'Call me back' }).check();
    await student.getByRole('textbox', { name: 'Phone number' }).fill('+1 555 0199');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200_000, 7)]);
    await student.locator('input[type=file]').first().setInputFiles({ name: 'frozen.png', mimeType: 'image/png', buffer: png });
    await student.getByRole('button', { name: 'Send ticket' }).click();

    const history = student.getByRole('log', { name: 'Ticket history' });
    await expect.poll(() => history.innerText(), { timeout: 10_000 }).toContain('File added: frozen.png');
    expect(await history.innerText()).toContain('You asked us to call +1 555 0199');

    const alarm = agent.getByRole('region', { name: 'Ticket alerts' });
    await expect.poll(() => alarm.innerText(), { timeout: 10_000 }).toContain('+1 555 0199');
    await expectAccessible(agent, 'the console’s P1 call-back alarm');
    await alarm.getByRole('button', { name: "I'll call" }).click();
    await expect.poll(() => history.innerText(), { timeout: 10_000 }).toContain('We have your call-back request');

    // In the console the ticket's environment names the browser's connection in words, not the widget's raw keys.
    const p1 = (/CS-\d{6}/.exec(await widgetText()) as RegExpExecArray)[0];
    await agent.goto(`${server.url}/console/tickets/${p1}`);
    const environment = agent.getByRole('region', { name: 'Environment' });
    await expect
      .poll(() => environment.innerText(), { timeout: 10_000 })
      .toMatch(/Browser connection\s+(SLOW-2G|2G|3G|4G)( · [\d.]+ Mbit\/s down)?( · RTT \d+ ms)?/);
    expect(await environment.innerText()).not.toMatch(/connectionType|downlinkMbps|browserRttMs/);
  }, 60_000);

  it('shows times in the time zone the agent chose in Account, kept after a reload', async () => {
    await agent.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Account' }).click();
    const zone = agent.getByRole('combobox', { name: 'Time zone' });
    expect(await zone.inputValue()).toBe('');
    await zone.selectOption('Asia/Shanghai');
    await expect
      .poll(() => agent.getByRole('status').filter({ hasText: 'Times are now shown in Asia/Shanghai.' }).count(), { timeout: 10_000 })
      .toBe(1);
    await agent.reload();
    await agent.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Account' }).click();
    await expect.poll(() => agent.getByRole('combobox', { name: 'Time zone' }).inputValue(), { timeout: 10_000 }).toBe('Asia/Shanghai');
    // Saved with the account, not the browser: another browser signing in as the same agent shows it too.
    const admin = await server.services.store.findAgentByEmail('admin@example.com');
    expect(admin?.timeZone).toBe('Asia/Shanghai');
    const elsewhere = await (await browser.newProfile()).newPage();
    await signInToConsole(elsewhere, server.url);
    await elsewhere.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Account' }).click();
    await expect.poll(() => elsewhere.getByRole('combobox', { name: 'Time zone' }).inputValue(), { timeout: 10_000 }).toBe('Asia/Shanghai');
    await elsewhere.close();
  });
});
