// In real Chromium: a student files a ticket with a screenshot while uploads keep failing (first cut off, then
// stored by the server with the answer lost). The file survives a reload and a closed tab, is sent by itself once
// uploads get through, and the ticket ends up with exactly one copy of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Route } from 'playwright-core';
import type { TicketDetail, TicketSummary } from '../../shared/ticket-model';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(150_000, 7)]);

/** How the next upload request fares: cut before it reaches the server, or stored there with the answer lost. */
type Fate = 'cut' | 'answer-lost' | 'through';

describe.runIf(browserAvailable())('a ticket upload across reloads', () => {
  let server: TestServer;
  let browser: Browser;
  let profile: BrowserContext;
  let cookie: string;
  const fates: Fate[] = [];
  let fate: Fate = 'cut';

  beforeAll(async () => {
    server = await startTestServer({ examples: true });
    browser = await launchBrowser();
    profile = await browser.newProfile();
    cookie = await server.signIn('admin@example.com', 'admin-password');
    await profile.route('**/api/visitor/tickets/*/attachments', async (route: Route) => {
      if (route.request().method() !== 'POST') return route.continue();
      fates.push(fate);
      if (fate === 'through') return route.continue();
      if (fate === 'answer-lost') await route.fetch();
      // The first upload never arrives; every later one is stored before its answer is lost.
      fate = 'answer-lost';
      await route.abort('connectionreset');
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const api = async <T>(path: string): Promise<T> =>
    ((await (await fetch(`${server.url}/api${path}`, { headers: { cookie } })).json()) as { data: T }).data;
  const classroom = `/examples/classroom/?user=stu-uma&name=Uma%20Upload&role=student&room=physics-101`;

  async function openTicket(page: Page, number: string): Promise<void> {
    await page.getByRole('button', { name: /support/i }).click();
    await page.getByRole('button', { name: 'Tickets' }).click();
    await page.getByRole('button', { name: new RegExp(number) }).click();
  }

  it('keeps the file through a reload and a closed tab, sends it when it can, and stores it once', async () => {
    let student = await profile.newPage();
    await student.goto(`${server.url}${classroom}`);
    await student.getByRole('button', { name: /support/i }).click();
    await student.getByRole('button', { name: 'Tickets' }).click();
    await student.getByRole('button', { name: 'New ticket' }).click();
    await student.getByRole('textbox', { name: 'What happened?' }).fill('My whiteboard stays blank for everyone');
    await student.getByText('Something is not working well').click();
    await student.locator('input[type=file]').first().setInputFiles({ name: 'blank.png', mimeType: 'image/png', buffer: PNG });
    await student.getByRole('button', { name: 'Send ticket' }).click();

    // Tried a few times by itself, then "Not sent" with Retry and Remove: never dropped silently.
    const notSent = student.getByRole('alert').filter({ hasText: 'Not sent' });
    await expect.poll(() => notSent.count(), { timeout: 20_000 }).toBe(1);
    expect(await student.getByRole('button', { name: 'Retry' }).count()).toBe(1);
    expect(await student.getByRole('button', { name: 'Remove' }).count()).toBe(1);
    expect(fates.length).toBeGreaterThanOrEqual(2);
    const [summary] = (await api<TicketSummary[]>('/tickets?status=all')).filter((t) => t.subject.includes('whiteboard'));
    const number = summary!.number;

    // A reload while uploads still fail: the file is back, sent again by itself, and still shows "Not sent".
    const before = fates.length;
    await student.reload();
    await openTicket(student, number);
    await expect.poll(() => fates.length, { timeout: 20_000 }).toBeGreaterThan(before);
    await expect.poll(() => student.getByRole('alert').filter({ hasText: 'Not sent' }).count(), { timeout: 20_000 }).toBe(1);
    expect(await student.getByRole('region', { name: 'Files' }).getByRole('listitem').filter({ hasText: 'Not sent' }).innerText()).toContain(
      'blank.png',
    );

    // The tab is closed; uploads get through again; the student comes back without opening the panel.
    await student.close();
    fate = 'through';
    student = await profile.newPage();
    await student.goto(`${server.url}${classroom}`);
    await expect.poll(() => fates.filter((f) => f === 'through').length, { timeout: 20_000 }).toBe(1);
    await expect.poll(() => student.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cs:uploads:')))).toEqual([]);

    // The server stored it on the first attempt that reached it; every resend got that same attachment back.
    const detail = await api<TicketDetail>(`/tickets/${summary!.id}`);
    expect(detail.attachments.map((a) => a.name)).toEqual(['blank.png']);
    expect(detail.attachments[0]!.size).toBe(PNG.length);
    expect(detail.events.filter((e) => e.kind === 'attachment')).toHaveLength(1);

    // The student sees the one file, and nothing left to send.
    await openTicket(student, number);
    const files = student.getByRole('region', { name: 'Files' });
    await expect.poll(() => files.getByRole('link', { name: 'blank.png' }).count()).toBe(1);
    expect(await student.getByText('Not sent', { exact: false }).count()).toBe(0);
    await student.reload();
    await openTicket(student, number);
    await expect.poll(() => files.getByRole('link', { name: 'blank.png' }).count()).toBe(1);
    expect(await files.getByRole('progressbar').count()).toBe(0);
    expect(fates.filter((f) => f === 'through')).toHaveLength(1);
  });
});
