// The console in zh-CN in real Chromium, and one routing message read in three languages' worth of browsers: a
// Chinese student's widget shows it in Chinese, an English agent's console in English, a Chinese supervisor's
// console in Chinese. The supervisor signs in, works the inbox and the chat in Chinese, sees the student's
// language, files a ticket from the chat and works it in the ticket view, in Chinese throughout (each screen
// scanned for English the console wrote), and switches to English, which is saved with the account.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { consoleEnglishLeft } from '../support/console-english-left';
import { startTestServer, type TestServer } from '../support/server';
import { goAvailable } from '../support/console-page';

const SHOTS = process.env.CS_SCREENSHOTS;

describe.runIf(browserAvailable())('the console in Chinese', () => {
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

  const shot = async (page: Page, name: string) => {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
  };

  async function signIn(page: Page, email: string, password: string, labels: { email: string; password: string; submit: string }) {
    await page.goto(`${server.url}/console/`);
    await page.getByLabel(labels.email).fill(email);
    await page.getByLabel(labels.password).fill(password);
    await page.getByRole('button', { name: labels.submit }).click();
  }

  it('shows the same routing message in Chinese to the student and the Chinese supervisor, in English to the agent', {
    timeout: 90_000,
  }, async () => {
    const li = await server.agent({ name: 'Li Wei', tier: 'L2' });
    const zhou = await server.agent({ name: 'Zhou Min', role: 'supervisor', tier: 'L2' });

    // A student whose browser speaks Chinese asks for help.
    const student = await (await browser.newProfile({ locale: 'zh-CN' })).newPage();
    await student.goto(
      `${server.url}/examples/classroom/?lang=zh-CN&user=stu-xm&name=${encodeURIComponent('Xiao Ming')}&role=student&room=physics-101`,
    );
    await student.getByRole('button', { name: /support|客服/i }).click();
    await student.getByRole('textbox', { name: /^(Message|消息)$/ }).fill('老师的声音听不到');
    await student.getByRole('button', { name: /^(Send|发送)$/ }).click();
    await expect.poll(() => student.getByRole('log').innerText(), { timeout: 15_000 }).toContain('老师的声音听不到');

    // An English agent (English browser, nothing saved) takes it: the console is English, the message too.
    const agent = await (await browser.newProfile({ locale: 'en-US' })).newPage();
    await signIn(agent, li.email, li.password, { email: 'Email', password: 'Password', submit: 'Sign in' });
    await goAvailable(agent);
    await agent
      .getByRole('button', { name: /Xiao Ming/ })
      .first()
      .click();
    await expect.poll(() => agent.getByRole('log').innerText(), { timeout: 15_000 }).toContain('You are now talking to Li Wei, a senior engineer.');
    // The context panel names the student's language in the agent's.
    await expect.poll(() => agent.getByRole('complementary', { name: 'Context' }).innerText()).toMatch(/Language\s+Chinese \(China\) \(zh-CN\)/);
    await shot(agent, 'console-en-notice');

    // The student reads the same message in Chinese.
    await expect.poll(() => student.getByRole('log').innerText(), { timeout: 15_000 }).toContain('现在为您服务的是高级工程师 Li Wei。');
    expect(await student.getByRole('log').innerText()).not.toContain('You are now talking to');
    await shot(student, 'widget-zh-notice');

    // A supervisor whose browser speaks Chinese: the sign-in form, the top bar and the inbox are Chinese.
    const supervisor = await (await browser.newProfile({ locale: 'zh-CN' })).newPage();
    await signIn(supervisor, zhou.email, zhou.password, { email: '邮箱', password: '密码', submit: '登录' });
    await expect.poll(() => supervisor.getByRole('switch', { name: '接待中' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await supervisor.title()).toBe('课堂客服控制台');
    expect(await supervisor.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const nav = supervisor.getByRole('navigation', { name: '功能区' });
    for (const name of ['收件箱', '工单', '主管', '账户']) expect(await nav.getByRole('button', { name }).count(), name).toBe(1);
    const inbox = supervisor.getByRole('navigation', { name: '收件箱' });
    await expect.poll(() => inbox.getByRole('tab', { name: /^我的/ }).count()).toBe(1);
    await inbox.getByRole('tab', { name: /^全部/ }).click();
    await expect.poll(() => inbox.getByRole('tab', { name: /^全部/ }).getAttribute('aria-selected')).toBe('true');
    await inbox
      .getByRole('button', { name: /Xiao Ming/ })
      .first()
      .click();

    // The chat: its history and its header in Chinese, the routing message as the student reads it.
    const log = supervisor.getByRole('log', { name: '对话记录' });
    await expect.poll(() => log.innerText(), { timeout: 15_000 }).toContain('现在为您服务的是高级工程师 Li Wei。');
    expect(await log.innerText()).toContain('老师的声音听不到');
    const context = supervisor.getByRole('complementary', { name: '用户信息' });
    await expect.poll(() => context.innerText()).toMatch(/语言\s+中文（中国） \(zh-CN\)/);
    expect(await context.innerText()).toMatch(/优先级\s+P\d [紧急高中低]/);
    expect(await supervisor.getByRole('button', { name: /转接/ }).count()).toBe(1);
    await shot(supervisor, 'console-zh-chat');
    // No English left in what the console itself wrote on this screen (names, ids, codes and the language switch's
    // "English", named in its own language, and the host page's own field names such as "lesson" aside).
    const chrome = await supervisor.locator('header.topbar, nav.inbox .inbox-tabs, .chat-head, .context dt, .composer-modes').allInnerTexts();
    const englishWords = chrome
      .join(' ')
      .replace(/English|lesson|Xiao Ming|Li Wei|Zhou Min|physics-101|Maple School|L[12]|P[1-4]|zh-CN|SDK|Ctrl\+K/g, '')
      .match(/[A-Za-z]{3,}/g);
    expect(englishWords).toBeNull();
    // The whole page, every name and label included, people's and places' names aside.
    const NAMES = [
      'Administrator',
      'Xiao',
      'Ming',
      'Li',
      'Wei',
      'Zhou',
      'Min',
      'Maple',
      'School',
      'physics',
      'lesson',
      'Chrome',
      'HeadlessChrome',
      'Linux',
      'Classroom',
      'Example',
      'zh',
      'CN',
    ];
    expect(await consoleEnglishLeft(supervisor, NAMES), 'chat').toEqual([]);

    // A ticket from this chat, then the ticket view: list, controls, SLA clocks, details, timeline and reply box.
    await supervisor.getByRole('button', { name: '创建工单' }).click();
    await supervisor.getByRole('textbox', { name: '主题' }).fill('学生听不到老师的声音');
    expect(await consoleEnglishLeft(supervisor, NAMES), 'create ticket').toEqual([]);
    await supervisor.getByRole('button', { name: '创建', exact: true }).click();
    await expect.poll(() => supervisor.getByRole('heading', { name: '工单已创建' }).count(), { timeout: 15_000 }).toBe(1);
    await supervisor.getByRole('button', { name: '打开工单' }).click();
    const ticket = supervisor.getByRole('region', { name: /CS-\d+ 学生听不到老师的声音/ });
    await expect.poll(() => ticket.count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => supervisor.getByRole('navigation', { name: '工单' }).innerText(), { timeout: 15_000 }).toMatch(/1 个工单/);
    expect(await ticket.getByRole('combobox', { name: '状态' }).count()).toBe(1);
    expect(await ticket.getByRole('combobox', { name: '负责人' }).count()).toBe(1);
    expect(await ticket.getByRole('heading', { name: '时间线' }).count()).toBe(1);
    await expect.poll(() => ticket.getByRole('region', { name: '服务时限' }).innerText()).toMatch(/首次响应/);
    expect(await ticket.getByRole('list').first().innerText()).toMatch(/创建自对话/);
    await ticket.getByRole('textbox', { name: '回复' }).fill('请检查耳机是否静音。');
    await ticket.getByRole('button', { name: '发送', exact: true }).click();
    await expect.poll(() => ticket.getByText('请检查耳机是否静音。').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => ticket.getByRole('textbox', { name: '回复' }).inputValue()).toBe('');
    await shot(supervisor, 'console-zh-ticket');
    expect(await consoleEnglishLeft(supervisor, NAMES), 'ticket view').toEqual([]);
    // Back in the chat for the language switch below.
    await supervisor.getByRole('navigation', { name: '功能区' }).getByRole('button', { name: '收件箱' }).click();

    // Switching to English applies at once and is saved with the account: a reload stays English.
    await supervisor.getByRole('combobox', { name: '语言' }).selectOption('en');
    await expect.poll(() => supervisor.getByRole('switch', { name: 'Available' }).count()).toBe(1);
    await expect
      .poll(() => supervisor.getByRole('log', { name: 'Conversation history' }).innerText())
      .toContain('You are now talking to Li Wei, a senior engineer.');
    await supervisor.waitForTimeout(300);
    await supervisor.reload();
    await expect.poll(() => supervisor.getByRole('switch', { name: 'Available' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await supervisor.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});
