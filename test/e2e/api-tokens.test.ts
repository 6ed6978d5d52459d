// API tokens in real Chromium: an admin makes a token for one organisation with a last day, copies it once,
// and the token reaches that organisation's tickets only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Organisation } from '../../server/domain/records';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { signInToConsole } from '../support/console-page';
import { startTestServer, type TestServer } from '../support/server';

describe.runIf(browserAvailable())('API tokens in the console', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let maple: Organisation;
  let oak: Organisation;

  beforeAll(async () => {
    server = await startTestServer();
    maple = await server.organisation({ name: 'Maple School' });
    oak = await server.organisation({ name: 'Oak School' });
    browser = await launchBrowser();
    page = await (await browser.newProfile()).newPage();
    await signInToConsole(page, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a token for one organisation with a last day, and it reaches only that organisation', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Ticket settings' }).click();
    await page.getByLabel('Token name').fill('Maple LMS');
    const scope = page.getByRole('combobox', { name: 'Organisation' });
    await expect
      .poll(() => scope.locator('option').allInnerTexts(), { timeout: 10_000 })
      .toEqual(['Choose…', 'Maple School', 'Oak School', 'All organisations']);
    await scope.selectOption({ label: 'Maple School' });
    await page.getByLabel('Last day (optional)').fill('2099-12-31');
    await page.getByRole('button', { name: 'Create token' }).click();

    const shown = page.getByRole('status').filter({ hasText: 'copy it now' });
    await expect.poll(() => shown.isVisible(), { timeout: 10_000 }).toBe(true);
    const token = (await shown.locator('code').innerText()).trim();
    expect(token).toMatch(/^cst_/);
    const row = page.getByRole('row', { name: /Maple LMS/ });
    expect(await row.innerText()).toContain('Maple School');
    expect(await row.innerText()).toContain('2099');

    const create = (organisationId: string) =>
      fetch(`${server.url}/api/tickets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ subject: 'Synced', priority: 'P3', organisationId }),
      });
    expect((await create(maple.id)).status).toBe(201);
    expect((await create(oak.id)).status).toBe(404);
  });
});
