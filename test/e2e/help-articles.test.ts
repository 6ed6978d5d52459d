// Self-service in real Chromium: articles suggested as the student types, read inside the widget, and a chat that
// never starts when the article helped — or that starts with the article attached when it did not.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { signInToConsole, goAvailable } from '../support/console-page';
import { expectAccessible } from '../support/axe';

describe.runIf(browserAvailable())('help articles in the widget', () => {
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

  async function openWidget(user: string, name: string, extra = ''): Promise<Page> {
    const page = await (await browser.newProfile()).newPage();
    await page.goto(`${server.url}/examples/classroom/?user=${user}&name=${encodeURIComponent(name)}&role=student&room=physics-101${extra}`);
    await page.getByRole('button', { name: /support/i }).click();
    return page;
  }

  const matches = (page: Page) => page.getByRole('navigation', { name: 'These articles may help' }).getByRole('link');

  async function openConsole(): Promise<Page> {
    const page = await (await browser.newProfile()).newPage();
    await signInToConsole(page, server.url);
    return page;
  }

  it('puts the weak-network article first on the home screen when the classroom reports a poor network', async () => {
    const home = (page: Page) => page.getByRole('navigation', { name: 'Suggested for you' }).getByRole('link');
    const poor = await openWidget('stu-net', 'Ada Poor', '&network=poor');
    await expect.poll(() => home(poor).first().textContent(), { timeout: 10_000 }).toBe('Weak network: what to do when the class keeps breaking up');
    await expectAccessible(poor, 'the widget’s home screen');
    const good = await openWidget('stu-good', 'Ada Good');
    await expect.poll(() => home(good).count(), { timeout: 10_000 }).toBeGreaterThan(2);
    expect(await home(good).first().textContent()).not.toMatch(/^Weak network/);
  }, 60_000);

  it('suggests the right article as the student types, and "This helped" starts no conversation', async () => {
    const page = await openWidget('stu-help', 'Grace Hopper');
    const message = page.getByRole('textbox', { name: 'Message' });

    await message.fill('老师听不到我的声音');
    await expect.poll(() => matches(page).first().textContent(), { timeout: 10_000 }).toBe('老师和同学听不到我的声音');

    await message.fill('I cannot hear the teacher');
    await expect.poll(() => matches(page).first().textContent(), { timeout: 10_000 }).toBe("I can't hear the teacher or classmates");

    // The article reader is a separate module, fetched only now.
    const readerLoaded = page.waitForResponse((r) => r.url().includes('/widget/article-view.js') && r.ok());
    await matches(page).first().click();
    await readerLoaded;
    await expect.poll(() => page.getByRole('heading', { name: "I can't hear the teacher or classmates" }).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole('article').innerText()).toContain('Click anywhere on the class page');
    await expectAccessible(page, 'the article reader');

    await page.getByRole('button', { name: 'This helped' }).click();
    await expect.poll(() => page.getByText('Glad that helped').count()).toBe(1);
    await expectAccessible(page, 'the widget after "This helped"');
    expect(await message.inputValue()).toBe('');

    const consolePage = await openConsole();
    await consolePage.getByRole('tab', { name: /^All/ }).click();
    await expect.poll(() => consolePage.getByText('No open chats').count(), { timeout: 10_000 }).toBe(1);
    expect(await consolePage.getByRole('button', { name: /Grace Hopper/ }).count()).toBe(0);
    expect(await server.services.store.listQueued()).toEqual([]);
    const outcomes = await server.services.store.countArticleOutcomes(0);
    expect(outcomes).toEqual([expect.objectContaining({ outcome: 'deflected', count: 1 })]);
  }, 60_000);

  it('"I still need help" continues to the chat, and the agent sees the article the student read', async () => {
    const page = await openWidget('stu-mic', 'Alan Turing');
    const message = page.getByRole('textbox', { name: 'Message' });
    await message.fill('Nobody can hear me when I talk');
    await expect.poll(() => matches(page).first().textContent(), { timeout: 10_000 }).toBe("The teacher and classmates can't hear me");
    await matches(page).first().click();
    await page.getByRole('button', { name: 'I still need help' }).click();

    // Back at the chat with nothing lost, and told what the agent will see.
    expect(await message.inputValue()).toBe('Nobody can hear me when I talk');
    await expect.poll(() => page.getByText(/Your agent will see that you read/).count()).toBe(1);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.getByRole('log').innerText(), { timeout: 10_000 }).toContain('Nobody can hear me when I talk');
    await expectAccessible(page, 'the widget’s chat, queued');

    const consolePage = await openConsole();
    await consolePage.getByRole('tab', { name: /^All/ }).click();
    await consolePage
      .getByRole('button', { name: /Alan Turing/ })
      .first()
      .click();
    const tried = consolePage.getByRole('region', { name: 'Help articles tried' });
    await expect.poll(() => tried.innerText(), { timeout: 10_000 }).toContain("The teacher and classmates can't hear me");
    await expectAccessible(consolePage, 'the console’s chat with its context');

    // The agent takes the chat, finds an article while answering and sends a link to it.
    await goAvailable(consolePage);
    const reply = consolePage.getByRole('textbox', { name: 'Reply' });
    await expect.poll(() => reply.isEnabled(), { timeout: 10_000 }).toBe(true);
    await reply.fill('This should fix it:');
    await consolePage.getByRole('button', { name: 'Help article' }).click();
    await consolePage.getByLabel('Search help articles').fill('echo');
    await consolePage.getByRole('button', { name: 'Insert link to Echo and background noise in class' }).click();
    expect(await reply.inputValue()).toBe(`This should fix it: Echo and background noise in class: ${server.url}/help/echo-and-noise?lang=en`);
    await consolePage.getByRole('button', { name: 'Send' }).click();

    // In the widget the link opens the article in place.
    const link = page.getByRole('log').getByRole('link', { name: `${server.url}/help/echo-and-noise?lang=en` });
    await link.click({ timeout: 10_000 });
    await expect.poll(() => page.getByRole('heading', { name: 'Echo and background noise in class' }).count(), { timeout: 10_000 }).toBe(1);
    await expectAccessible(page, 'an article opened from the agent’s link');
  }, 60_000);

  it('an admin writes an article in the console, previews it safely and publishes it; the widget finds it at once', async () => {
    const consolePage = await openConsole();
    await consolePage.getByRole('button', { name: 'Articles', exact: true }).click();
    await consolePage.getByRole('button', { name: 'New article' }).click();
    await consolePage.getByLabel('Title').fill('Document camera shows a mirrored picture');
    expect(await consolePage.getByLabel('Slug').inputValue()).toBe('document-camera-shows-a-mirrored-picture');
    await consolePage.getByLabel('Summary').fill('Flip it in the camera settings.');
    await consolePage.getByLabel('Tags').fill('camera, visualiser');
    await consolePage
      .getByLabel('Body (markdown)')
      .fill('Open **Settings → Video** and choose *Mirror: off*.\n\n<script>alert(1)</script> [x](javascript:alert(2))');
    const preview = consolePage.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.innerHTML(), { timeout: 10_000 }).toContain('<strong>Settings → Video</strong>');
    expect(await preview.innerHTML()).not.toMatch(/<script|href="javascript/);
    expect(await preview.innerText()).toContain('<script>alert(1)</script>');

    await consolePage.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => consolePage.getByText(/Published: the widget/).count(), { timeout: 10_000 }).toBe(1);

    const page = await openWidget('stu-doc', 'Mary Somerville');
    await page.getByRole('textbox', { name: 'Message' }).fill('document camera mirrored');
    await expect.poll(() => matches(page).first().textContent(), { timeout: 10_000 }).toBe('Document camera shows a mirrored picture');
  }, 60_000);
});
