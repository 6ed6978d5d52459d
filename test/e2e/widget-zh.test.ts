// The widget in Chinese in real Chromium (browser language zh-CN): the accessible names DESIGN.md lists, and a
// live switch with ClassroomSupport.setLocale().
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';

describe.runIf(browserAvailable())('the widget in Chinese', () => {
  let server: TestServer;
  let browser: Browser;
  let student: Page;

  beforeAll(async () => {
    server = await startTestServer({ examples: true });
    browser = await launchBrowser();
    student = await (await browser.newProfile({ locale: 'zh-CN' })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('names the launcher, message box, send button and tickets tab in Chinese, and switches language live', { timeout: 60_000 }, async () => {
    await student.goto(`${server.url}/examples/classroom/?user=stu-mei&name=Wang%20Mei&role=student&room=physics-101&lang=zh-CN`);
    await student.getByRole('button', { name: /客服/ }).click();
    await expect.poll(() => student.getByRole('dialog', { name: '课堂支持' }).count(), { timeout: 15_000 }).toBe(1);
    await student.getByRole('textbox', { name: '消息', exact: true }).fill('我听不到老师的声音');
    expect(await student.getByRole('button', { name: '发送', exact: true }).isEnabled()).toBe(true);
    expect(await student.getByRole('button', { name: /工单/ }).count()).toBe(1);
    expect(await student.getByRole('button', { name: /客服/ }).getAttribute('aria-label')).toBe('关闭客服聊天');

    await student.evaluate(() => (window as unknown as { ClassroomSupport: { setLocale(l: string): void } }).ClassroomSupport.setLocale('en'));
    await expect.poll(() => student.getByRole('textbox', { name: 'Message', exact: true }).count(), { timeout: 15_000 }).toBe(1);
    expect(await student.getByRole('textbox', { name: 'Message', exact: true }).inputValue()).toBe('我听不到老师的声音');
    expect(await student.getByRole('button', { name: 'Tickets' }).count()).toBe(1);
    await student.evaluate(() => (window as unknown as { ClassroomSupport: { setLocale(l: string): void } }).ClassroomSupport.setLocale('zh-CN'));
    await expect.poll(() => student.getByRole('button', { name: '发送', exact: true }).count(), { timeout: 15_000 }).toBe(1);
    await student.screenshot({ path: 'test-results/widget-zh-panel.png' });
  });
});
