// The console in real Chromium: a chat transferred with a handover note, and an internal note that the student
// never sees, from the example classroom page to two agents' consoles.
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { signInToConsole, goAvailable } from '../support/console-page';

const SHOTS = process.env.CS_SCREENSHOTS;

describe.runIf(browserAvailable())('handing chats over in the console', () => {
  let server: TestServer;
  let browser: Browser;

  // A server per scenario: agents who are available in one must not take the other's chats.
  beforeEach(async () => {
    server = await startTestServer({ examples: true });
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function shot(page: Page, name: string): Promise<void> {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
  }

  async function student(user: string, name: string, urgency: string, question: string): Promise<Page> {
    const page = await (await browser.newProfile()).newPage();
    await page.goto(`${server.url}/examples/classroom/?user=${user}&name=${encodeURIComponent(name)}&role=student&room=physics-101`);
    await page.getByRole('button', { name: /support/i }).click();
    await page.getByRole('radio', { name: urgency }).check();
    await page.getByRole('textbox', { name: 'Message' }).fill(question);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.getByRole('log').innerText(), { timeout: 10_000 }).toContain(question);
    return page;
  }

  async function agentConsole(email: string, password: string): Promise<Page> {
    const page = await (await browser.newProfile()).newPage();
    await signInToConsole(page, server.url, email, password);
    await goAvailable(page);
    await expect.poll(() => page.getByRole('switch', { name: 'Available' }).isChecked()).toBe(true);
    return page;
  }

  it('transfers a chat to a senior engineer with a handover note the student never reads', { timeout: 60_000 }, async () => {
    const lin = await server.agent({ name: 'Lin Li', tier: 'L1' });
    const sam = await server.agent({ name: 'Sam Senior', tier: 'L2' });
    const ada = await student('stu-ada', 'Ada Lovelace', 'I cannot take part right now', 'Nobody can hear me in the class');

    // Lin (L1) goes available first and gets the chat; then Sam comes.
    const linPage = await agentConsole(lin.email, lin.password);
    await linPage
      .getByRole('button', { name: /Ada Lovelace/ })
      .first()
      .click();
    await expect.poll(() => linPage.getByRole('log').innerText(), { timeout: 10_000 }).toContain('Nobody can hear me in the class');
    // The student's urgency and the running class made it a P1.
    await expect.poll(() => linPage.getByRole('complementary', { name: 'Context' }).innerText()).toMatch(/Priority\s+P1 urgent/);
    const samPage = await agentConsole(sam.email, sam.password);

    await linPage.getByRole('button', { name: 'Transfer…' }).click();
    const dialog = linPage.getByRole('dialog', { name: /Transfer/ });
    await expect.poll(() => dialog.getByRole('option', { name: /Sam Senior \(L2\) — available/ }).isEnabled(), { timeout: 10_000 }).toBe(true);
    await dialog.getByLabel('Transfer to').selectOption({ label: 'Sam Senior (L2) — available, 0/3 chats' });
    await dialog.getByRole('textbox', { name: 'Handover note' }).fill('Mic allowed in Chrome already; looks like the school network blocks UDP');
    await shot(linPage, 'transfer-dialog');
    await dialog.getByRole('button', { name: 'Transfer', exact: true }).click();

    // Sam gets it, with Lin's note in the history.
    await samPage
      .getByRole('button', { name: /Ada Lovelace/ })
      .first()
      .click();
    const samLog = samPage.getByRole('log');
    await expect.poll(() => samLog.innerText(), { timeout: 10_000 }).toContain('Lin Li transferred this chat to Sam Senior');
    expect(await samLog.innerText()).toContain('looks like the school network blocks UDP');
    await shot(samPage, 'transfer-received');

    // The student is told in plain words, and never sees the note.
    const adaLog = ada.getByRole('log');
    await expect.poll(() => adaLog.innerText(), { timeout: 10_000 }).toContain('You are now talking to Sam Senior, a senior engineer.');
    await expect.poll(() => ada.getByText(/chatting with Sam Senior/).count()).toBe(1);
    expect(await ada.locator('body').innerText()).not.toContain('blocks UDP');

    // Lin keeps the chat to read, under Handed over, and can no longer reply.
    await shot(linPage, 'transfer-lin-after');
    await expect
      .poll(() => linPage.getByRole('navigation', { name: 'Inbox' }).innerText(), { timeout: 10_000 })
      .toMatch(/Handed over[\s\S]*Ada Lovelace/i);
    expect(await linPage.getByRole('textbox', { name: 'Reply' }).isDisabled()).toBe(true);
    await shot(linPage, 'transfer-handed-over');

    // Sam answers; the student reads it.
    await samPage.getByRole('textbox', { name: 'Reply' }).fill('Please switch to your phone’s hotspot for a minute.');
    await samPage.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => adaLog.innerText(), { timeout: 10_000 }).toContain('switch to your phone’s hotspot');
  });

  it('keeps an internal note among agents: the student never sees it, not even after a reload', { timeout: 60_000 }, async () => {
    const kim = await server.agent({ name: 'Kim Park', tier: 'L1' });
    const bo = await student('stu-bo', 'Bo Chen', 'Something is not working well', 'My video is frozen');
    const kimPage = await agentConsole(kim.email, kim.password);
    await kimPage
      .getByRole('button', { name: /Bo Chen/ })
      .first()
      .click();
    await expect.poll(() => kimPage.getByRole('log').innerText(), { timeout: 10_000 }).toContain('My video is frozen');

    await kimPage.getByRole('tab', { name: 'Internal note' }).click();
    await kimPage.getByRole('textbox', { name: 'Internal note' }).fill('Same school as this morning’s outage; check their proxy');
    await kimPage.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => kimPage.getByRole('log').innerText(), { timeout: 10_000 }).toContain('check their proxy');
    await shot(kimPage, 'internal-note');

    // A public reply goes through to the student; the note does not, live or from history.
    await kimPage.getByRole('tab', { name: 'Reply' }).click();
    await kimPage.getByRole('textbox', { name: 'Reply' }).fill('Could you refresh the class page?');
    await kimPage.getByRole('button', { name: 'Send' }).click();
    const boLog = bo.getByRole('log');
    await expect.poll(() => boLog.innerText(), { timeout: 10_000 }).toContain('Could you refresh the class page?');
    expect(await bo.locator('body').innerText()).not.toContain('check their proxy');
    await bo.reload();
    await bo.getByRole('button', { name: /support/i }).click();
    await expect.poll(() => bo.getByRole('log').innerText(), { timeout: 10_000 }).toContain('Could you refresh the class page?');
    expect(await bo.getByRole('log').innerText()).not.toContain('check their proxy');
    expect(await bo.content()).not.toContain('check their proxy');
  });
});
