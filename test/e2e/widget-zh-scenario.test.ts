// Two windows in real Chromium, both speaking Chinese: a student's widget (browser language zh-CN) and an agent's
// console (browser language zh-CN, so the console's default is Chinese). The student reads an article, waits in the
// queue, reads the routing message in Chinese, chats with the agent, opens 「工单」 and files a P1 through the guided
// form; the agent replies on the ticket and the student reads the reply in the ticket view; the agent ends the chat
// and the rating card asks in Chinese; the student's network turns poor and the connection notice offers 「获取帮助」.
// Every screen is scanned for English words left in EVERY shadow root of the page (english-left.ts); a probe first
// shows the scan reaches nested shadow roots and fails on an English word. Every screen is checked with axe-core too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { goAvailable } from '../support/console-page';
import { axeViolations } from '../support/axe';
import { englishLeft } from '../support/english-left';
import { startTestServer, type TestServer } from '../support/server';

describe.runIf(browserAvailable())('a Chinese-speaking student and a Chinese-speaking agent', () => {
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
    // The agent's console in Chinese: nothing saved with the account, the browser speaks zh-CN.
    agent = await (await browser.newProfile({ locale: 'zh-CN' })).newPage();
    await agent.goto(`${server.url}/console/`);
    await agent.getByLabel('邮箱').fill('admin@example.com');
    await agent.getByLabel('密码').fill('admin-password');
    await agent.getByRole('button', { name: '登录' }).click();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  // Each screen: no English left, and no accessibility violation axe-core finds (the widget's shadow roots included).
  const noEnglish = async (screen: string) => {
    expect(await englishLeft(student, NAMES), screen).toEqual([]);
    expect(await axeViolations(student), screen).toEqual([]);
  };
  const log = () => student.getByRole('log').first().innerText();

  it('does everything in Chinese', { timeout: 180_000 }, async () => {
    await student.goto(`${server.url}/examples/classroom/?user=stu-mei&name=Wang%20Mei&role=student&room=physics-101&lang=zh-CN`);
    await student.getByRole('button', { name: /客服/ }).click();
    await expect.poll(() => student.getByRole('dialog', { name: '课堂支持' }).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => student.getByRole('navigation', { name: '为您推荐' }).count(), { timeout: 15_000 }).toBe(1);
    await noEnglish('panel');

    // The scan reaches every shadow root, nested ones too, and an English word there fails it.
    await student.evaluate(() => {
      const probe = document.createElement('scan-probe');
      const inner = document.createElement('span');
      probe.attachShadow({ mode: 'open' }).append(inner);
      inner.attachShadow({ mode: 'open' }).innerHTML = '<button aria-label="关闭">Untranslated</button>';
      document.body.append(probe);
    });
    expect(await englishLeft(student, NAMES)).toEqual(['Untranslated in “Untranslated”']);
    await student.evaluate(() => document.querySelector('scan-probe')?.remove());

    // A suggested article, read in the panel.
    await student.getByRole('navigation', { name: '为您推荐' }).getByRole('link').first().click();
    await expect.poll(() => student.getByRole('button', { name: '我仍需要帮助' }).count(), { timeout: 15_000 }).toBe(1);
    await noEnglish('article reader');
    await student.screenshot({ path: 'test-results/zh-article.png' });
    await student.getByRole('button', { name: '← 返回' }).click();

    // The first message; nobody is available: the queue.
    await student.getByRole('textbox', { name: '消息', exact: true }).fill('我听不到老师的声音');
    await student.getByRole('button', { name: '发送', exact: true }).click();
    await expect.poll(() => log(), { timeout: 10_000 }).toContain('我听不到老师的声音');
    await expect.poll(() => student.getByText(/您排在第 1 位/).count(), { timeout: 10_000 }).toBe(1);
    await noEnglish('queue');

    // The Chinese agent takes it; the student reads the routing message in Chinese.
    await goAvailable(agent, '接待中');
    await agent
      .getByRole('button', { name: /Wang Mei/ })
      .first()
      .click();
    // Routing's word to the student: the status line in Chinese; any system message the server wrote (a code
    // rendered here by shared/notices) in Chinese too.
    await expect.poll(() => student.getByText('您正在与 Administrator 聊天').count(), { timeout: 15_000 }).toBe(1);
    expect(await log()).not.toMatch(/You are now talking to|is now helping you/);
    // The agent reads the same routing message in the console's Chinese, and answers.
    await expect.poll(() => agent.getByRole('log', { name: '对话记录' }).innerText(), { timeout: 15_000 }).toContain('现在为您服务的是');
    await agent.getByRole('textbox', { name: /^(回复|Reply)$/ }).fill('请检查扬声器设置。');
    await agent.getByRole('button', { name: /^(发送|Send)$/ }).click();
    await expect.poll(() => log(), { timeout: 15_000 }).toContain('请检查扬声器设置。');
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
    await student
      .locator('classroom-support input[type=file]')
      .first()
      .setInputFiles({ name: 'notes.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    await expect.poll(() => student.getByText('只能添加截图', { exact: false }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await noEnglish('form error');
    await student.getByRole('button', { name: /^移除/ }).click();

    await student.getByRole('button', { name: '提交工单' }).click();
    await expect.poll(() => student.getByRole('log', { name: '工单记录' }).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => student.getByText('处理中').or(student.getByText('已收到')).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await noEnglish('ticket');
    await student.screenshot({ path: 'test-results/zh-ticket.png' });
    const number = (/CS-\d{6}/.exec(await student.getByRole('dialog', { name: '课堂支持' }).innerText()) as RegExpExecArray)[0];

    // The agent finds the ticket in the console and replies; the student reads it in the ticket view.
    await agent.getByRole('navigation', { name: '功能区' }).getByRole('button', { name: '工单', exact: true }).click();
    await agent
      .getByRole('button', { name: new RegExp(number) })
      .first()
      .click();
    await agent.getByRole('textbox', { name: /^(回复|Reply)$/ }).fill('请重新加入课堂，然后打开声音。');
    await agent
      .getByRole('button', { name: /^(发送|Send)$/ })
      .last()
      .click();
    await expect
      .poll(() => student.getByRole('log', { name: '工单记录' }).innerText(), { timeout: 15_000 })
      .toContain('请重新加入课堂，然后打开声音。');
    await noEnglish('ticket with the reply');

    // The agent ends the chat: the rating card asks in Chinese (its own shadow root), and is skipped.
    await agent.getByRole('navigation', { name: '功能区' }).getByRole('button', { name: '收件箱', exact: true }).click();
    await agent
      .getByRole('button', { name: /Wang Mei/ })
      .first()
      .click();
    await agent.getByRole('button', { name: '结束对话' }).click();
    const card = student.getByRole('region', { name: '我们做得怎么样？' });
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
    expect(await card.getByRole('radio', { name: '4 分（满分 5 分）' }).count()).toBe(1);
    await noEnglish('rating card');
    await student.screenshot({ path: 'test-results/zh-rating.png' });
    await card.getByRole('button', { name: '跳过' }).click();

    // The classroom's network turns poor (a classmate's and hers): the connection notice offers 「获取帮助」.
    const classmate = await profile.newPage();
    await classmate.goto(`${server.url}/examples/classroom/?user=stu-li&name=Li%20Lei&role=student&room=physics-101&lang=zh-CN&network=poor`);
    await student.bringToFront();
    await student.getByRole('radio', { name: 'Poor' }).check();
    const notice = student.getByRole('region', { name: '网络提示' });
    await expect.poll(() => notice.getByRole('button', { name: '获取帮助' }).count(), { timeout: 60_000 }).toBe(1);
    await noEnglish('connection notice');
    await student.screenshot({ path: 'test-results/zh-connection-notice.png' });
  });
});
