// In real Chromium: a student writing faster than the (here narrowed) message limit sees a polite "slow down",
// keeps typing, and the widget's outbox waits out the server's retry-after and sends everything by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { countRows } from '../security/flood-support';

describe.runIf(browserAvailable())('slow down in the widget', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    // A twentieth of the real limits: 4 messages at once per connection, then one per 10 s.
    server = await startTestServer({ examples: true, rateLimitFactor: 0.05 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows "slow down" and sends every message by itself once the wait is over, in order', async () => {
    const page = await (await browser.newProfile()).newPage();
    await page.goto(`${server.url}/examples/classroom/?user=stu-fast&name=Fast%20Typist&role=student&room=physics-101`);
    await page.getByRole('button', { name: /support/i }).click();
    const box = page.getByRole('textbox', { name: 'Message' });
    const texts = ['one', 'two', 'three', 'four', 'five', 'six'].map((n) => `message ${n}`);
    for (const text of texts) {
      await box.fill(text);
      await box.press('Enter');
    }
    const notice = page.getByRole('status').filter({ hasText: 'You are sending messages quickly' });
    await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(1);
    const log = page.getByRole('log');
    // Nothing was lost meanwhile: everything typed is on screen (the last within a render), waiting its turn.
    await expect.poll(() => log.innerText()).toContain(texts.at(-1));
    const waiting = await log.innerText();
    for (const text of texts) expect(waiting).toContain(text);
    expect(waiting).not.toContain('Not sent');

    await expect.poll(() => log.innerText(), { timeout: 40_000, interval: 500 }).not.toContain('Sending…');
    const done = await log.innerText();
    expect(texts.map((t) => done.indexOf(t))).toEqual([...texts.map((t) => done.indexOf(t))].sort((a, b) => a - b));
    expect(await notice.count()).toBe(0);
    expect(countRows(server.dataDir, 'messages', "author_kind = 'visitor'")).toBe(texts.length);
  }, 60_000);
});
