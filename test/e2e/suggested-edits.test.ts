// Suggested edits in real Chromium: an agent proposes a change to a published article from the console, an admin
// reviews the diff and applies it, and the widget's search finds the new text at once.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { signInToConsole } from '../support/console-page';

const ARTICLE = 'Weak network: what to do when the class keeps breaking up';
const ADDED = 'If the school firewall blocks the class video, ask IT to allow zeppelinport.';

describe.runIf(browserAvailable())('suggested edits to help articles', () => {
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

  async function articlesAs(email: string, password: string): Promise<Page> {
    const page = await (await browser.newProfile()).newPage();
    await signInToConsole(page, server.url, email, password);
    await page.getByRole('button', { name: 'Articles', exact: true }).click();
    return page;
  }

  it('an agent suggests an edit, an admin applies it, and the widget then finds the new text', async () => {
    const lin = await server.agent({ name: 'Lin Agent', role: 'agent' });
    const agentPage = await articlesAs(lin.email, lin.password);
    await agentPage.getByRole('button', { name: new RegExp(`^${ARTICLE}`) }).click();
    await agentPage.getByRole('button', { name: 'Suggest an edit' }).click();
    const body = agentPage.getByLabel('Body (markdown)');
    await expect.poll(() => body.isEditable()).toBe(true);
    // The form starts from the article's current text.
    const current = await body.inputValue();
    expect(current).toContain('router');
    await body.fill(`${current.trimEnd()}\n\n${ADDED}\n`);
    await agentPage.getByLabel('Why this change').fill('Two schools asked about blocked video this week');
    await agentPage.getByRole('button', { name: 'Send suggestion' }).click();
    await expect.poll(() => agentPage.getByText(/Suggestion sent/).count()).toBe(1);
    const mine = agentPage.getByRole('region', { name: 'My suggested edits' });
    await expect.poll(() => mine.innerText()).toContain('Pending');

    // Readers still get the article as it was.
    expect(await server.services.articles.library.search('zeppelinport', 'en', 5)).toEqual([]);

    const adminPage = await articlesAs('admin@example.com', 'admin-password');
    const pending = adminPage.getByRole('region', { name: 'Suggested edits' });
    await pending.getByRole('button', { name: new RegExp(`^${ARTICLE}`) }).click();
    const changes = adminPage.getByRole('region', { name: 'Changes' });
    await expect.poll(() => changes.locator('ins').allInnerTexts()).toContainEqual(expect.stringContaining('zeppelinport'));
    expect(await adminPage.getByText('Two schools asked about blocked video this week').count()).toBe(1);
    expect(await adminPage.getByText(/Suggested by Lin Agent/).count()).toBe(1);
    await adminPage.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => adminPage.getByText('Applied: readers see the new text now.').count()).toBe(1);
    await expect.poll(() => adminPage.getByText(/Applied by Administrator/).count()).toBe(1);

    const widget = await (await browser.newProfile()).newPage();
    await widget.goto(`${server.url}/examples/classroom/?user=stu-fw&name=Ida&role=student&room=physics-101`);
    await widget.getByRole('button', { name: /support/i }).click();
    await widget.getByRole('textbox', { name: 'Message' }).fill('zeppelinport firewall');
    const matches = widget.getByRole('navigation', { name: 'These articles may help' }).getByRole('link');
    await expect.poll(() => matches.first().textContent(), { timeout: 10_000 }).toBe(ARTICLE);

    // The agent learns what became of the suggestion.
    await agentPage.reload();
    await agentPage.getByRole('button', { name: 'Articles', exact: true }).click();
    await expect.poll(() => agentPage.getByRole('region', { name: 'My suggested edits' }).innerText()).toContain('Applied');
  }, 90_000);
});
