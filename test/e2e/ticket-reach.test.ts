// Reaching people who are not looking, in real Chromium (issue 14): a student files a P1 from the widget's
// guided form with an email for replies (a malformed one is explained and blocks sending); Lin, an L1 agent on
// call (not an admin) whose console is closed, is paged by email with a link to the ticket in the console,
// follows it through the sign-in form straight to the ticket and acknowledges the page there; Lin resolves the
// ticket and the student's widget asks "How did we do?" once for the ticket; the rating shows on Lin's ticket.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PageView } from '../../shared/paging';
import { apiCaller, dataOf } from '../support/api-call';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { startSmtpReceiver, type SmtpReceiver } from '../support/smtp-receiver';

describe.runIf(browserAvailable())('reaching people in the browser', () => {
  let server: TestServer;
  let smtp: SmtpReceiver;
  let browser: Browser;
  let student: Page;
  let linPage: Page;
  let lin: { id: string; email: string; password: string };
  let admin: ReturnType<typeof apiCaller>;
  let ticketNumber = '';
  const linAccount = () => lin;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    server = await startTestServer({ examples: true, smtpUrl: smtp.url, emailPollMs: 200 });
    browser = await launchBrowser();
    admin = apiCaller(server.url, { cookie: await server.signIn('admin@example.com', 'admin-password') });
    lin = await server.agent({ name: 'Lin Oncall', email: 'lin@support.example', tier: 'L1' });
    // Lin is the L1 on call of the demo school the example classroom belongs to.
    const org = (await server.services.store.listOrganisations()).find((o) => o.name === 'Maple Online Academy')!;
    dataOf(await admin('PUT', `/api/admin/organisations/${org.id}/oncall/time-zone`, { timeZone: 'UTC' }));
    const wall = (ms: number) => DateTime.fromMillis(ms, { zone: 'UTC' }).toFormat("yyyy-MM-dd'T'HH:mm");
    dataOf(
      await admin('POST', `/api/admin/organisations/${org.id}/oncall/shifts`, {
        tier: 'L1',
        agentId: lin.id,
        startsAt: wall(Date.now() - 3_600_000),
        endsAt: wall(Date.now() + 8 * 3_600_000),
      }),
    );
    student = await (await browser.newProfile()).newPage();
    linPage = await (await browser.newProfile()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  it('takes an email for replies in the ticket form, and explains a malformed one before sending', async () => {
    await student.goto(`${server.url}/examples/classroom/?user=stu-mia&name=Mia%20Reach&role=student&room=physics-101`);
    await student.getByRole('button', { name: /support/i }).click();
    await student.getByRole('button', { name: 'Tickets' }).click();
    await student.getByRole('button', { name: 'New ticket' }).click();
    await student.getByRole('textbox', { name: 'What happened?' }).fill('The whole class lost the video at once');
    await student.getByText('The whole class cannot continue').click();
    const email = student.getByRole('textbox', { name: 'Email for replies (optional)' });
    await email.fill('mia at school');
    await email.press('Tab');
    await expect.poll(() => student.getByText('This does not look like an email address').count()).toBe(1);
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await student.getByRole('button', { name: 'Send ticket' }).isDisabled()).toBe(true);

    await email.fill('Mia@School.example');
    expect(await student.getByText('This does not look like an email address').count()).toBe(0);
    await student.getByRole('button', { name: 'Send ticket' }).click();
    const history = student.getByRole('log', { name: 'Ticket history' });
    await expect.poll(() => history.count(), { timeout: 10_000 }).toBe(1);
    const mia = await server.services.store.findEndUserByExternalId(
      (await server.services.store.listOrganisations()).find((o) => o.name === 'Maple Online Academy')!.id,
      'stu-mia',
    );
    expect(await server.services.store.getEndUserEmail(mia!.id)).toBe('mia@school.example');
    // Mia goes back to her class with the panel closed.
    await student.getByRole('button', { name: 'Minimize chat' }).click();
  }, 60_000);

  it('pages Lin, whose link opens the ticket in the console after sign-in, where Lin (not an admin) acknowledges', async () => {
    const paged = () => smtp.mails.filter((m) => (m.to && 'text' in m.to ? m.to.text : '') === lin.email);
    await expect.poll(() => paged().length, { timeout: 15_000 }).toBe(1);
    const link = /(http:\/\/[^\s]+\/console\/tickets\/(CS-\d{6}))/.exec(paged()[0]!.text ?? '');
    expect(link).not.toBeNull();
    ticketNumber = link![2]!;

    await linPage.goto(link![1]!);
    await linPage.getByLabel('Email').fill(lin.email);
    await linPage.getByLabel('Password').fill(lin.password);
    await linPage.getByRole('button', { name: 'Sign in' }).click();
    const title = linPage.getByRole('heading', { level: 2, name: new RegExp(ticketNumber) });
    await expect.poll(() => title.count(), { timeout: 15_000 }).toBe(1);
    expect(await title.innerText()).toContain('The whole class lost the video at once');
    expect(new URL(linPage.url()).pathname).toBe(`/console/tickets/${ticketNumber}`);

    const paging = linPage.getByRole('region', { name: 'Paging' });
    await expect.poll(() => paging.innerText(), { timeout: 10_000 }).toContain('P1 ticket: Lin Oncall paged.');
    await paging.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => paging.innerText(), { timeout: 10_000 }).toContain('Acknowledged at');
    expect(await paging.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    const pages = dataOf(await admin<PageView[]>('GET', `/api/paging/pages?status=acknowledged`));
    expect(pages.find((p) => p.ticketNumber === ticketNumber)).toMatchObject({ status: 'acknowledged', acknowledgedBy: lin.id });
    await linPage.screenshot({ path: 'test-results/ticket-paged-acknowledged.png' });

    // Lin answers: one reply is one unread on Mia's launcher — not the assignment or the status it moves to.
    await linPage.getByRole('textbox', { name: 'Reply' }).fill('We restarted the video service; please rejoin.');
    await linPage.getByRole('button', { name: 'Send', exact: true }).click();
    const launcher = student.getByRole('button', { name: /support chat/i });
    await expect.poll(() => launcher.getAttribute('aria-label'), { timeout: 10_000 }).toBe('Open support chat, 1 unread');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await launcher.getAttribute('aria-label')).toBe('Open support chat, 1 unread');
    await launcher.click();
    await expect.poll(() => student.getByRole('log', { name: 'Ticket history' }).innerText(), { timeout: 10_000 }).toContain('please rejoin');
  }, 60_000);

  it('opens a long ticket at its newest reply, not at the top with the reply below the fold', async () => {
    const lin = apiCaller(server.url, { cookie: await server.signIn(linAccount().email, linAccount().password) });
    for (let i = 1; i <= 12; i++)
      dataOf(await lin('POST', `/api/tickets/${ticketNumber}/comments`, { text: `Step ${i} of the check: look at the video settings once more.` }));
    dataOf(await lin('POST', `/api/tickets/${ticketNumber}/comments`, { text: 'Last step: rejoin the class now.' }));
    await student.getByRole('button', { name: 'Back to the list' }).click();
    await student.getByRole('button', { name: new RegExp(ticketNumber) }).click();
    const history = student.getByRole('log', { name: 'Ticket history' });
    await expect.poll(() => history.innerText(), { timeout: 10_000 }).toContain('Last step: rejoin the class now.');
    const newest = history.getByText('Last step: rejoin the class now.');
    await expect
      .poll(async () => {
        const view = await student.locator('.tk-scroll').boundingBox();
        const box = await newest.boundingBox();
        return !!box && !!view && box.y >= view.y && box.y + box.height <= view.y + view.height;
      })
      .toBe(true);
    await student.screenshot({ path: 'test-results/ticket-opens-at-newest.png' });
  }, 60_000);

  it('asks the student to rate the resolved ticket once; Lin sees the rating on the ticket', async () => {
    await linPage
      .getByRole('region', { name: new RegExp(ticketNumber) })
      .getByRole('combobox', { name: 'Status' })
      .selectOption('resolved');
    const card = student.getByRole('region', { name: 'How did we do?' });
    await expect.poll(() => card.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await card.innerText()).toContain(ticketNumber);
    await card.getByRole('radio', { name: '5 of 5' }).click();
    await card.getByRole('textbox', { name: 'Comment (optional)' }).fill('Back within minutes');
    await card.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => card.innerText(), { timeout: 10_000 }).toContain('Thank you for your feedback!');
    await student.screenshot({ path: 'test-results/ticket-rating-widget.png' });

    const note = linPage.getByRole('note', { name: "User's rating: 5 of 5" });
    await expect.poll(() => note.count(), { timeout: 15_000 }).toBe(1);
    expect(await note.innerText()).toContain('Back within minutes');

    // Asked once: reopening the ticket after a reload brings no second card.
    await student.reload();
    await student.getByRole('button', { name: /support/i }).click();
    await student.getByRole('button', { name: 'Tickets' }).click();
    await student.getByRole('button', { name: new RegExp(ticketNumber) }).click();
    await expect.poll(() => student.getByRole('log', { name: 'Ticket history' }).count(), { timeout: 10_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await student.getByRole('region', { name: 'How did we do?' }).count()).toBe(0);

    // Another section puts the console's address back; the ticket, still open in Tickets, brings its own back.
    const sections = linPage.getByRole('navigation', { name: 'Sections' });
    await sections.getByRole('button', { name: 'Inbox' }).click();
    await expect.poll(() => new URL(linPage.url()).pathname).toBe('/console/');
    await sections.getByRole('button', { name: 'Tickets' }).click();
    await expect.poll(() => new URL(linPage.url()).pathname).toBe(`/console/tickets/${ticketNumber}`);
  }, 60_000);
});
