// Personal data in the console, in real Chromium: an admin sets retention and finds it in the audit log,
// exports and erases a student from the chat's context panel (only after typing ERASE), and erases another
// found in People.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndUserExport } from '../../shared/personal-data';
import type { VisitorSession } from '../../shared/protocol';
import type { Organisation } from '../../server/domain/records';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { signInToConsole, goAvailable } from '../support/console-page';
import { newClientId, nextEvent, okData, request, startTestServer, type TestServer } from '../support/server';

describe.runIf(browserAvailable())('personal data in the console', () => {
  let server: TestServer;
  let browser: Browser;
  let org: Organisation;

  const student = async (name: string, text: string): Promise<string> => {
    const socket = server.visitor({ appKey: org.appKey, name });
    const session = await nextEvent<VisitorSession>(socket, 'session');
    const chat = okData(await request(socket, 'conversation:start', { clientId: newClientId(), context: {} }));
    okData(await request(socket, 'message:send', { conversationId: chat.id, clientId: newClientId(), text }));
    return session.user.id;
  };

  beforeAll(async () => {
    server = await startTestServer();
    org = await server.organisation({ name: 'Maple School', identityRequired: false });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sets retention, reads it in the audit log, and exports and erases students', async () => {
    const zoe = await student('Zoe Pupil', 'My camera shows a black square');
    const yan = await student('Yan Pupil', 'I cannot hear the teacher');
    const page = await (await browser.newProfile()).newPage();
    await signInToConsole(page, server.url);

    // Retention for Maple School, then the audit log shows who changed it, filtered by action.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('tab', { name: 'Retention' }).click();
    await page.getByRole('spinbutton', { name: 'Days to keep for Maple School' }).fill('30');
    await page.getByRole('button', { name: 'Save retention for Maple School' }).click();
    await expect.poll(() => page.getByRole('tabpanel').getByRole('status').innerText()).toContain('deleted after 30 days');
    await page.screenshot({ path: 'test-results/retention.png' });
    await page.getByRole('tab', { name: 'Audit log' }).click();
    const entries = page.getByRole('table', { name: 'Audit log entries' });
    await expect
      .poll(() => entries.innerText(), { timeout: 10_000 })
      .toMatch(/Retention changed\s+Maple School\s+from: none · to: 30\s+(::ffff:)?127\.0\.0\.1/);
    await page.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Agent added' });
    await expect.poll(() => page.getByText('No entries.').count()).toBe(1);
    await page.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Retention changed' });
    await expect.poll(() => entries.locator('tbody tr').count()).toBe(1);
    await page.screenshot({ path: 'test-results/audit-log.png' });

    // Zoe's chat: export from the context panel, then erase — the button waits for ERASE.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Inbox' }).click();
    await goAvailable(page);
    await page
      .getByRole('button', { name: /Zoe Pupil/ })
      .first()
      .click();
    const panel = page.getByRole('region', { name: 'Personal data' });
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export data' }).click()]);
    const exported = JSON.parse(readFileSync((await download.path()) as string, 'utf8')) as EndUserExport;
    expect(exported.profile).toMatchObject({ id: zoe, name: 'Zoe Pupil' });
    expect(exported.conversations[0]?.messages.map((m) => m.text)).toContain('My camera shows a black square');
    expect(JSON.stringify(exported)).not.toContain('Yan');

    await panel.getByRole('button', { name: 'Erase…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Erase Zoe Pupil?' });
    const erase = confirm.getByRole('button', { name: 'Erase permanently' });
    expect(await erase.isDisabled()).toBe(true);
    await confirm.getByRole('textbox', { name: 'Type ERASE to confirm' }).fill('erase');
    expect(await erase.isDisabled()).toBe(true);
    await confirm.getByRole('textbox', { name: 'Type ERASE to confirm' }).fill('ERASE');
    await page.screenshot({ path: 'test-results/erase-confirm.png' });
    await erase.click();
    await expect.poll(() => panel.getByRole('status').innerText(), { timeout: 10_000 }).toMatch(/Zoe Pupil was erased: 1 chats/);
    expect(await server.services.store.getEndUser(zoe)).toMatchObject({ name: 'Erased user', tokenHash: null });

    // Yan, found in People, erased there.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('tab', { name: 'People' }).click();
    await page.getByRole('searchbox', { name: 'Name or external id' }).fill('yan');
    await page.getByRole('button', { name: 'Search' }).click();
    const found = page.getByRole('table', { name: 'End users found' });
    await expect.poll(() => found.innerText(), { timeout: 10_000 }).toMatch(/Yan Pupil\s+Maple School\s+Anonymous\s+1\s+0/);
    await found.getByRole('button', { name: 'Erase Yan Pupil' }).click();
    await page.screenshot({ path: 'test-results/people-erase.png' });
    await page.getByRole('alertdialog', { name: 'Erase Yan Pupil?' }).getByRole('textbox', { name: 'Type ERASE to confirm' }).fill('ERASE');
    await page.getByRole('button', { name: 'Erase permanently' }).click();
    await expect.poll(() => found.innerText(), { timeout: 10_000 }).toMatch(/Erased user[\s\S]*Erased /);
    expect(await server.services.store.getEndUser(yan)).toMatchObject({ name: 'Erased user' });

    await page.getByRole('tab', { name: 'Audit log' }).click();
    await page.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'End user erased' });
    await expect.poll(() => entries.innerText(), { timeout: 10_000 }).toContain(`End user erased\t${yan}\torganisation: Maple School`);
    expect(await entries.innerText()).toContain(`End user erased\t${zoe}\torganisation: Maple School`);
    await page.screenshot({ path: 'test-results/audit-log-erased.png' });
  }, 90_000);
});
