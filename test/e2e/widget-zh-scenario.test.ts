// A Chinese-speaking student in real Chromium (browser language zh-CN), an English-speaking agent in the console:
// the student reads an article, waits in the queue, reads the routing message in Chinese, chats, opens 「工单」
// and files a P1 through the guided form. Every screen is scanned for English words left in the widget.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { signInToConsole, goAvailable } from '../support/console-page';
import { englishLeft } from '../support/english-left';
import { startTestServer, type TestServer } from '../support/server';

describe.runIf(browserAvailable())('a Chinese-speaking student and an English-speaking agent', () => {
  let server: TestServer;
  let browser: Browser;
  let profile: BrowserContext;
  let student: Page;
  let agent: Page;
  const NAMES = ['Wang', 'Mei', 'Administrator', 'Maple', 'Classroom', 'Chrome', 'Linux', 'physics'];

  beforeAll(async () => {
    server = await startTestServer({ examples: true });
    browser = await launchBrowser();
    profile = await browser.newProfile({ locale: 'zh-CN' });
    student = await profile.newPage();
    agent = await (await browser.newProfile()).newPage();
    await signInToConsole(agent, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const noEnglish = async (screen: string) => expect(await englishLeft(student, NAMES), screen).toEqual([]);
  const log = () => student.getByRole('log').first().innerText();

  it('does everything in Chinese', { timeout: 180_000 }, async () => {
    await student.goto(`${server.url}/examples/classroom/?user=stu-mei&name=Wang%20Mei&role=student&room=physics-101&lang=zh-CN`);
    await student.getByRole('button', { name: /客服/ }).click();
    await expect.poll(() => student.getByRole('dialog', { name: '课堂支持' }).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => student.getByRole('navigation', { name: '为你推荐' }).count(), { timeout: 15_000 }).toBe(1);
    await noEnglish('panel');

    // A suggested article, read in the panel.
    await student.getByRole('navigation', { name: '为你推荐' }).getByRole('link').first().click();
    await expect.poll(() => student.getByRole('button', { name: '我仍需要帮助' }).count(), { timeout: 15_000 }).toBe(1);
    await noEnglish('article reader');
    await student.screenshot({ path: 'test-results/zh-article.png' });
    await student.getByRole('button', { name: '← 返回' }).click();

    // The first message; nobody is available: the queue.
    await student.getByRole('textbox', { name: '消息', exact: true }).fill('我听不到老师的声音');
    await student.getByRole('button', { name: '发送', exact: true }).click();
    await expect.poll(() => log(), { timeout: 10_000 }).toContain('我听不到老师的声音');
    await expect.poll(() => student.getByText(/你排在第 1 位/).count(), { timeout: 10_000 }).toBe(1);
    await noEnglish('queue');

    // The English agent takes it; the student reads the routing message in Chinese.
    await goAvailable(agent);
    await agent.getByRole('button', { name: /Wang Mei/ }).first().click();
    // Routing's word to the student: the status line in Chinese; any system message the server wrote (a code
    // rendered here by shared/notices) in Chinese too.
    await expect.poll(() => student.getByText('你正在与 Administrator 聊天').count(), { timeout: 15_000 }).toBe(1);
    expect(await log()).not.toMatch(/You are now talking to|is now helping you/);
    // The English agent answers; the student reads the reply in the chat.
    await agent.getByRole('textbox', { name: 'Reply' }).fill('Please check the speaker settings.');
    await agent.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => log(), { timeout: 15_000 }).toContain('Please check the speaker settings.');
    await noEnglish('chat');
    await student.screenshot({ path: 'test-results/zh-chat.png' });

    // Offline for a moment: the status says so in Chinese.
    await profile.setOffline(true);
    await expect.poll(() => student.getByText('正在重新连接…').count(), { timeout: 15_000 }).toBe(1);
    await noEnglish('offline');
    await profile.setOffline(false);
    await expect.poll(() => student.getByText('正在重新连接…').count(), { timeout: 20_000 }).toBe(0);

    // 「工单」: the list, the guided form with a P1 emergency, the ticket.
    await student.getByRole('button', { name: /工单/ }).first().click();
    await expect.poll(() => student.getByRole('heading', { name: '我的工单' }).count(), { timeout: 15_000 }).toBe(1);
    await noEnglish('tickets list');
    await student.getByRole('button', { name: '新建工单' }).click();
    await student.getByLabel('发生了什么？').fill('全班都听不到老师的声音');
    await student.getByText('我现在无法参与课堂').last().click();
    await student.getByText('全班', { exact: true }).click();
    await expect.poll(() => student.getByText(/优先级 P1/).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => student.getByRole('region', { name: '紧急帮助' }).count()).toBe(1);
    await noEnglish('form with the P1 emergency');
    await student.screenshot({ path: 'test-results/zh-form.png' });
    // An error in the form: a file of a kind that cannot be sent.
    await student.locator('classroom-support input[type=file]').first().setInputFiles({ name: 'notes.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    await expect.poll(() => student.getByText('只能添加截图', { exact: false }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await noEnglish('form error');
    await student.getByRole('button', { name: /^移除/ }).click();

    await student.getByRole('button', { name: '提交工单' }).click();
    await expect.poll(() => student.getByRole('log', { name: '工单记录' }).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => student.getByText('处理中').or(student.getByText('已收到')).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await noEnglish('ticket');
    await student.screenshot({ path: 'test-results/zh-ticket.png' });
  });
});
