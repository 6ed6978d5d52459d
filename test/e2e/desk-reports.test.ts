// The account manager's desk and Reports in real Chromium, one server and browser for the file: the account
// manager sees their organisations' health, schedules a check-in (and gets its reminder), declares a launch
// window that raises a new ticket's priority; in Reports the organisation and period filters change the
// figures, the CSV downloads what is shown, and the credit statement is a link away; admins put organisations
// on plans from the Plans screen and from the Organisations screen; check-in and launch-window times are taken
// and shown in the customer's time zone.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organisation } from '../../server/domain/records';
import { apiCaller, dataOf } from '../support/api-call';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { signInToConsole } from '../support/console-page';
import { startTestServer, type TestServer } from '../support/server';

describe.runIf(browserAvailable())('desk and reports in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let maple: Organisation;
  let birch: Organisation;
  let notTheirs: Organisation;
  let manager: Awaited<ReturnType<TestServer['agent']>>;
  let call: ReturnType<typeof apiCaller>;

  beforeAll(async () => {
    server = await startTestServer({ reminderPollMs: 250 });
    browser = await launchBrowser();
    manager = await server.agent({ name: 'Ari Manager', email: 'ari@example.com', tier: 'account_manager' });
    maple = await server.organisation({ name: 'Maple School', accountManagerId: manager.id });
    birch = await server.organisation({ name: 'Birch Academy', accountManagerId: manager.id });
    notTheirs = await server.organisation({ name: 'Not Theirs' });
    const supervisor = await server.agent({ name: 'Sue', role: 'supervisor' });
    call = apiCaller(server.url, { cookie: await server.signIn(supervisor.email, supervisor.password) });
    for (const [org, priority] of [
      [maple, 'P1'],
      [maple, 'P3'],
      [birch, 'P2'],
    ] as const) {
      dataOf(await call('POST', '/api/tickets', { subject: 'Class cannot join', priority, organisationId: org.id, category: 'join' }));
    }
    page = await (await browser.newProfile()).newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await signInToConsole(page, server.url, 'ari@example.com', 'agent-password');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the account manager their organisations’ health, a check-in with its reminder, and a launch window', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Desk' }).click();
    const table = page.getByRole('table', { name: 'Organisations' });
    await expect.poll(() => table.innerText(), { timeout: 10_000 }).toContain('Maple School');
    expect(await table.innerText()).not.toContain('Not Theirs');
    const mapleRow = table.getByRole('row').filter({ hasText: 'Maple School' });
    expect(await mapleRow.innerText()).toContain('P1 1 · P2 0 · P3 1 · P4 0');

    await page.getByRole('button', { name: 'Open Maple School' }).click();
    const schedule = page.getByRole('form', { name: 'Schedule a check-in' });
    // In ten minutes with a reminder 15 minutes before: the reminder is due at once.
    const soon = await page.evaluate(() => {
      const d = new Date(Date.now() + 10 * 60_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    });
    await schedule.getByLabel('Date and time').fill(soon);
    await schedule.getByLabel('Agenda').fill('Quarterly review');
    await schedule.getByLabel('Remind me').selectOption({ label: '15 minutes before' });
    await schedule.getByRole('button', { name: 'Schedule' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Check-ins' }).innerText(), { timeout: 10_000 }).toContain('Quarterly review');
    await expect.poll(() => page.getByText(/Check-in with Maple School at .*: Quarterly review/).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByRole('list', { name: 'Check-ins' }).innerText(), { timeout: 10_000 }).toContain('Reminder sent');

    const declare = page.getByRole('form', { name: 'Declare a launch window' });
    const started = await page.evaluate(() => {
      const d = new Date(Date.now() - 60_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    });
    await declare.getByLabel('What goes live').fill('Spring course');
    await declare.getByLabel('Starts').fill(started);
    await declare.getByRole('button', { name: 'Declare launch window' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Launch window declared.' }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => mapleRow.innerText(), { timeout: 10_000 }).toContain('Running: Spring course');
    await page.screenshot({ path: 'test-results/desk.png', fullPage: true });

    // While it runs a new P3 ticket of Maple's comes in as P2.
    const ticket = dataOf(
      await call<{ priority: string }>('POST', '/api/tickets', { subject: 'Quiz will not open', priority: 'P3', organisationId: maple.id }),
    );
    expect(ticket.priority).toBe('P2');
  }, 60_000);

  it('changes the figures with the organisation and the period, and downloads them as CSV', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Reports' }).click();
    const sla = page.getByRole('table', { name: 'SLA attainment per priority' });
    const allRow = sla.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'All', exact: true }) });
    // An account manager starts on their first organisation (no "all organisations" for them).
    const organisation = page.getByRole('combobox', { name: 'Organisation', exact: true });
    await expect.poll(() => organisation.inputValue(), { timeout: 10_000 }).not.toBe('');
    expect(await organisation.locator('option').allInnerTexts()).toEqual(['Birch Academy', 'Maple School']);
    await expect.poll(() => allRow.innerText(), { timeout: 10_000 }).toMatch(/^All\s+1\s/);
    await organisation.selectOption({ label: 'Maple School' });
    await expect.poll(() => allRow.innerText(), { timeout: 10_000 }).toMatch(/^All\s+3\s/);
    expect(await page.getByRole('table', { name: 'Volume by category' }).innerText()).toMatch(/join\s+2\s+0/);
    expect(await page.getByRole('img', { name: /Attainment in percent per priority/ }).count()).toBe(1);
    const statement = page.getByRole('link', { name: 'Open the printable statement' });
    expect(await statement.getAttribute('href')).toMatch(
      new RegExp(`/api/reports/credits\\?organisationId=${maple.id}&month=\\d{4}-\\d{2}&format=html`),
    );
    await page.screenshot({ path: 'test-results/reports.png', fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV' }).click();
    const csv = await readFile((await (await download).path())!, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^priority,tickets,first_response_met/);
    expect(lines.find((l) => l.startsWith('all,'))).toMatch(/^all,3,/);

    // A period that ended before the tickets were made: nothing in it.
    const weekAgo = await page.evaluate(() => {
      const d = new Date(Date.now() - 7 * 86_400_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    });
    await page.getByLabel('To', { exact: true }).fill(weekAgo);
    await expect.poll(() => allRow.innerText(), { timeout: 10_000 }).toMatch(/^All\s+0\s/);
    await page.getByRole('button', { name: 'Last 7 days' }).click();
    await expect.poll(() => allRow.innerText(), { timeout: 10_000 }).toMatch(/^All\s+3\s/);
  }, 60_000);

  it('lets an admin create a plan with business hours and credit, put an organisation on it, and edit it', async () => {
    const admin = await (await browser.newProfile()).newPage();
    admin.setDefaultTimeout(10_000);
    await signInToConsole(admin, server.url);
    await admin.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Plans' }).click();
    await admin.getByRole('button', { name: 'New plan' }).click();
    const form = admin.getByRole('form', { name: 'New plan' });
    await form.getByLabel('Name').fill('Dedicated');
    await form.getByLabel('P1 first response in minutes').fill('10');
    await form.getByLabel('Around the clock (24×7)').uncheck();
    await form.getByLabel('Time zone').fill('Asia/Shanghai');
    // Hours it cannot read are named, and nothing is saved.
    await form.getByLabel('Saturday opening hours').fill('nine to five');
    await form.getByRole('button', { name: 'Create plan' }).click();
    await expect.poll(() => form.getByRole('alert').innerText()).toContain('Saturday: write opening hours as 09:00-18:00');
    await form.getByLabel('Saturday opening hours').fill('09:00-12:00');
    await form.getByLabel('Holidays (one date YYYY-MM-DD per line)').fill('2027-01-01');
    await form.getByRole('combobox', { name: /^Credit per breach/ }).selectOption({ label: 'Percent of the monthly fee' });
    await form.getByLabel('Amount').fill('5');
    await form.getByRole('button', { name: 'Create plan' }).click();
    const plans = admin.getByRole('table', { name: 'Plans', exact: true });
    await expect.poll(() => plans.innerText(), { timeout: 10_000 }).toMatch(/Dedicated\s+1\s+Business hours, Asia\/Shanghai\s+5% of the monthly fee/);
    const stored = (await server.services.store.listSupportPlans()).find((p) => p.name === 'Dedicated')!;
    expect(stored.targets.P1.firstResponseMinutes).toBe(10);
    expect(stored.businessHours).toMatchObject({
      timeZone: 'Asia/Shanghai',
      holidays: ['2027-01-01'],
      p1AlwaysOn: true,
      week: { mon: [{ from: '09:00', to: '18:00' }], sat: [{ from: '09:00', to: '12:00' }], sun: [] },
    });

    await admin.getByLabel('Plan of Maple School').selectOption({ label: 'Dedicated' });
    await admin.getByRole('row').filter({ hasText: 'Maple School' }).getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => admin.getByRole('status').filter({ hasText: 'Maple School is now on Dedicated.' }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => plans.innerText()).toContain('Maple School');
    expect((await server.services.store.getOrganisation(maple.id))?.supportPlanId).toBe(stored.id);

    await admin.getByRole('button', { name: 'Edit Dedicated' }).click();
    const edit = admin.getByRole('form', { name: 'Edit plan Dedicated' });
    expect(await edit.getByLabel('Saturday opening hours').inputValue()).toBe('09:00-12:00');
    await edit.getByLabel('P2 first response in minutes').fill('20');
    await edit.getByRole('button', { name: 'Save plan' }).click();
    await expect.poll(() => admin.getByRole('status').filter({ hasText: 'Saved: Dedicated version 2.' }).count(), { timeout: 10_000 }).toBe(1);
    expect((await server.services.store.getSupportPlan(stored.id))?.targets.P2.firstResponseMinutes).toBe(20);
    await admin.screenshot({ path: 'test-results/plans.png', fullPage: true });
    await admin.close();
  }, 60_000);

  it('lets an admin put an organisation on a plan from the Organisations screen, and its new tickets follow it', async () => {
    const admin = await (await browser.newProfile()).newPage();
    admin.setDefaultTimeout(10_000);
    await signInToConsole(admin, server.url);
    await admin.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Admin' }).click();
    await admin.getByRole('tab', { name: 'Organisations' }).click();
    const birchForm = admin.getByRole('form', { name: 'Settings of Birch Academy' });
    const picker = birchForm.getByRole('combobox', { name: 'Support plan' });
    expect(await picker.inputValue()).toBe('');
    await expect.poll(() => picker.locator('option').allInnerTexts(), { timeout: 10_000 }).toEqual(['Default SLA policy', 'Dedicated (version 2)']);
    // Maple's form shows the plan it was put on from the Plans screen.
    expect(
      await admin
        .getByRole('form', { name: 'Settings of Maple School' })
        .getByRole('combobox', { name: 'Support plan' })
        .locator('option:checked')
        .innerText(),
    ).toBe('Dedicated (version 2)');
    await picker.selectOption({ label: 'Dedicated (version 2)' });
    await birchForm.getByRole('button', { name: 'Save' }).click();
    const plan = (await server.services.store.listSupportPlans()).find((p) => p.name === 'Dedicated')!;
    await expect.poll(async () => (await server.services.store.getOrganisation(birch.id))?.supportPlanId, { timeout: 10_000 }).toBe(plan.id);
    // Other settings are kept, and the form now reads back the plan after a reload.
    expect((await server.services.store.getOrganisation(birch.id))?.accountManagerId).toBe(manager.id);
    await admin.reload();
    await admin.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Admin' }).click();
    await admin.getByRole('tab', { name: 'Organisations' }).click();
    await expect
      .poll(() => admin.getByRole('form', { name: 'Settings of Birch Academy' }).getByRole('combobox', { name: 'Support plan' }).inputValue(), {
        timeout: 10_000,
      })
      .toBe(plan.id);

    // A new P2 ticket of Birch's is due on the plan's 20 minutes; one of an organisation without a plan is not.
    const timed = async (organisationId: string) =>
      dataOf(
        await call<{ sla: { planId: string | null; firstResponse: { targetMs: number | null } } }>('POST', '/api/tickets', {
          subject: 'Audio drops',
          priority: 'P2',
          organisationId,
        }),
      );
    const birchTicket = await timed(birch.id);
    expect(birchTicket.sla.planId).toBe(plan.id);
    expect(birchTicket.sla.firstResponse.targetMs).toBe(20 * 60_000);
    const other = await timed(notTheirs.id);
    expect(other.sla.planId).toBeNull();
    expect(other.sla.firstResponse.targetMs).not.toBe(20 * 60_000);

    // Back on the default policy.
    await admin
      .getByRole('form', { name: 'Settings of Birch Academy' })
      .getByRole('combobox', { name: 'Support plan' })
      .selectOption({ label: 'Default SLA policy' });
    await admin.getByRole('form', { name: 'Settings of Birch Academy' }).getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await server.services.store.getOrganisation(birch.id))?.supportPlanId, { timeout: 10_000 }).toBeNull();
    await admin.close();
  }, 60_000);

  it('takes and shows check-in times in the customer’s time zone, with the account manager’s own beside them', async () => {
    // Ari works from New York this week; Maple is on the Dedicated plan, open in Asia/Shanghai (above).
    const ari = await (await browser.newProfile({ timeZone: 'America/New_York' })).newPage();
    ari.setDefaultTimeout(10_000);
    await signInToConsole(ari, server.url, 'ari@example.com', 'agent-password');
    await ari.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Desk' }).click();
    await ari.getByRole('button', { name: 'Open Maple School' }).click();
    const schedule = ari.getByRole('form', { name: 'Schedule a check-in' });
    await schedule.getByLabel('Date and time in Asia/Shanghai').fill('2027-03-10T10:00');
    await schedule.getByLabel('Agenda').fill('Launch readiness');
    await schedule.getByLabel('Remind me').selectOption({ label: '1 hour before' });
    await schedule.getByRole('button', { name: 'Schedule' }).click();
    const checkIns = ari.getByRole('list', { name: 'Check-ins' });
    await expect.poll(() => checkIns.innerText(), { timeout: 10_000 }).toContain('Launch readiness');

    // 10:00 in Shanghai is 02:00 UTC; the reminder is due an hour before, at 01:00 UTC.
    const stored = (await server.services.store.listCheckIns(maple.id, 0, 50)).find((c) => c.agenda === 'Launch readiness')!;
    expect(stored.at).toBe(Date.UTC(2027, 2, 10, 2, 0));
    expect(stored.at - stored.remindMinutesBefore * 60_000).toBe(Date.UTC(2027, 2, 10, 1, 0));
    // Shown in Shanghai time, named, and in New York time (21:00 the evening before) for Ari.
    const item = checkIns.getByRole('listitem').filter({ hasText: 'Launch readiness' });
    const text = await item.innerText();
    expect(text).toMatch(/Mar 10, 2027,? 10:00\s?AM \(Asia\/Shanghai\) · Mar 9, 2027,? 9:00\s?PM your time/);
    expect(text).toMatch(/Reminder at Mar 10, 2027,? 9:00\s?AM \(Asia\/Shanghai\)/);

    // A launch window is declared on the customer's clock too.
    const declare = ari.getByRole('form', { name: 'Declare a launch window' });
    await declare.getByLabel('What goes live').fill('Summer course');
    await declare.getByLabel('Starts in Asia/Shanghai').fill('2027-03-10T09:00');
    await declare.getByLabel('Ends in Asia/Shanghai').fill('2027-03-12T18:00');
    await declare.getByRole('button', { name: 'Declare launch window' }).click();
    const windows = ari.getByRole('list', { name: 'Launch windows' });
    await expect.poll(() => windows.innerText(), { timeout: 10_000 }).toContain('Summer course');
    const launch = (await server.services.store.listLaunchWindows(maple.id, 0)).find((w) => w.title === 'Summer course')!;
    expect([launch.startsAt, launch.endsAt]).toEqual([Date.UTC(2027, 2, 10, 1, 0), Date.UTC(2027, 2, 12, 10, 0)]);
    expect(await windows.getByRole('listitem').filter({ hasText: 'Summer course' }).innerText()).toMatch(
      /Mar 10, 2027,? 9:00\s?AM \(Asia\/Shanghai\) · Mar 9, 2027,? 8:00\s?PM your time/,
    );
    await ari.close();
  }, 60_000);
});
