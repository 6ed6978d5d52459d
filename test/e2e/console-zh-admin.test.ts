// The Account and Admin screens in zh-CN, in real Chromium: an admin whose browser speaks Chinese opens Account
// and every Admin tab and uses each the way an admin would — invites an agent (who sets a password with the
// one-time link, in Chinese too), adds a canned reply, finds and erases a student, sets retention, reads a webhook
// the server turned off (its reason worded in Chinese), and reads the audit log of it all — and each screen is
// scanned for English the console wrote. Names, emails, addresses and the browser's own user agent are data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { consoleEnglishLeft } from '../support/console-english-left';
import { anEndUser } from '../support/records';
import { aTicket } from '../support/ticket-records';
import { startTestServer, type TestServer } from '../support/server';

const SHOTS = process.env.CS_SCREENSHOTS;
const HOOK_URL = 'https://hooks.school.example/support';

describe.runIf(browserAvailable())('the Account and Admin screens in Chinese', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reads and works every Account and Admin screen in Chinese, with no English of the console’s own', { timeout: 120_000 }, async () => {
    const maple = await server.organisation({ name: 'Maple School' });
    const xiaoMing = await server.services.store.createEndUser(anEndUser(maple.id, { name: 'Xiao Ming', externalId: 'stu-xm' }));
    // A ticket of theirs, which stays after the erasure under the placeholder name.
    await server.services.store.createTicket(aTicket(maple.id, { endUserId: xiaoMing.id, subject: '听不到老师的声音' }), []);
    // An endpoint the server turned off after a day of failures: its reason is a code the reader's language words.
    await server.services.store.createWebhook({
      id: 'wh-off',
      organisationId: maple.id,
      url: HOOK_URL,
      events: ['ticket.created'],
      secret: 's',
      active: false,
      disabledReason: { code: 'deliveries_failed', lastAnswer: '503' },
      createdAt: 1_000,
      updatedAt: 2_000,
    });

    const page = await (await browser.newProfile({ locale: 'zh-CN' })).newPage();
    await page.goto(`${server.url}/console/`);
    await page.getByLabel('邮箱').fill('admin@example.com');
    await page.getByLabel('密码').fill('admin-password');
    await page.getByRole('button', { name: '登录' }).click();
    const userAgent = await page.evaluate(() => navigator.userAgent);
    const DATA = [
      ...(userAgent.match(/[A-Za-z]{2,}/g) ?? []),
      ...['Administrator', 'admin', 'example', 'com', 'Maple', 'School', 'Xiao', 'Ming', 'stu', 'xm', 'Chen', 'Jing', 'chen', 'school'],
      ...['https', 'hooks', 'support', 'mic'],
    ];
    const englishLeft = async (screen: string) => {
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/console-zh-${screen}.png`, fullPage: true });
      expect(await consoleEnglishLeft(page, DATA), screen).toEqual([]);
    };
    const sections = page.getByRole('navigation', { name: '功能区' });

    // Account: password, two-factor sign-in (admins), sessions (this one marked), time zone.
    await sections.getByRole('button', { name: '账户' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '账户', level: 1 }).count(), { timeout: 15_000 }).toBe(1);
    for (const name of ['修改密码', '两步验证登录', '登录会话']) expect(await page.getByRole('heading', { name }).count(), name).toBe(1);
    await expect.poll(() => page.getByText('当前会话').count()).toBe(1);
    expect(await page.getByLabel('当前密码').count()).toBe(1);
    expect(await page.getByLabel('再次输入新密码').count()).toBe(1);
    await englishLeft('account');
    // Setting up two-factor sign-in: the key and how to add it to an authenticator app, in Chinese.
    await page.getByRole('button', { name: '设置两步验证登录' }).click();
    await expect.poll(() => page.getByLabel('设置密钥').inputValue(), { timeout: 15_000 }).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await page.getByText(/^请用下面的密钥把此账户添加到你的身份验证器应用中/).count()).toBe(1);
    expect(await page.getByRole('button', { name: '开启两步验证登录' }).count()).toBe(1);
    await englishLeft('account-two-factor');

    // Admin → 客服: invite an agent without a password; the one-time link is shown to pass on.
    await sections.getByRole('button', { name: '管理' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '管理', level: 1 }).count()).toBe(1);
    const tabs = page.getByRole('tablist', { name: '管理' });
    await expect.poll(() => page.getByRole('combobox', { name: 'Administrator 的角色' }).count(), { timeout: 15_000 }).toBe(1);
    const invite = page.getByRole('form', { name: '邀请客服' }).or(page.locator('form[aria-labelledby="new-agent-title"]'));
    await invite.getByLabel('姓名').fill('Chen Jing');
    await invite.getByLabel('邮箱').fill('chen@school.example');
    await invite.getByLabel('角色').selectOption({ label: '主管' });
    await invite.getByRole('button', { name: '邀请客服' }).click();
    const issued = page.getByRole('status').filter({ hasText: 'chen@school.example 的邀请链接' });
    await expect.poll(() => issued.count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByRole('combobox', { name: 'Chen Jing 的角色' }).count()).toBe(1);
    expect(
      (await page.getByRole('button', { name: '重置密码：Chen Jing' }).count()) +
        (await page.getByRole('button', { name: '新的邀请链接：Chen Jing' }).count()),
    ).toBe(1);
    await englishLeft('admin-agents');
    const link = await page.getByLabel('一次性链接').inputValue();
    await issued.getByRole('button', { name: '完成' }).click();

    // The invitee, whose browser speaks Chinese too, opens the link: who it is for, the two password fields, in
    // Chinese; the password chosen, they are in the console.
    const invitee = await (await browser.newProfile({ locale: 'zh-CN' })).newPage();
    await invitee.goto(link);
    const welcome = invitee.getByRole('form', { name: '欢迎使用课堂客服' });
    await expect.poll(() => welcome.innerText(), { timeout: 15_000 }).toContain('为 chen@school.example（Chen Jing）设置密码。此链接只能使用一次。');
    expect(await consoleEnglishLeft(invitee, DATA), 'set password').toEqual([]);
    await welcome.getByLabel('新密码', { exact: true }).fill('chen chose this');
    await welcome.getByLabel('再次输入新密码').fill('chen chose this');
    await welcome.getByRole('button', { name: '设置密码' }).click();
    await expect.poll(() => invitee.getByRole('button', { name: '退出登录' }).isVisible(), { timeout: 15_000 }).toBe(true);

    // 机构: the organisation's settings.
    await tabs.getByRole('tab', { name: '机构' }).click();
    await expect.poll(() => page.getByRole('form', { name: 'Maple School 的设置' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByRole('button', { name: '更换身份密钥' }).count()).toBe(1);
    await englishLeft('admin-organisations');

    // 快捷回复: add one in Chinese.
    await tabs.getByRole('tab', { name: '快捷回复' }).click();
    await expect.poll(() => page.getByText('还没有快捷回复。').count(), { timeout: 15_000 }).toBe(1);
    await englishLeft('admin-canned-empty');
    await page.getByLabel('快捷指令').fill('mic');
    await page.getByLabel('语言').last().selectOption('zh-CN');
    await page.getByLabel('标题').fill('麦克风');
    await page.getByLabel('内容').fill('{name}，请检查麦克风是否静音。');
    await page.getByRole('button', { name: '添加快捷回复' }).click();
    await expect.poll(() => page.getByRole('button', { name: '编辑 /mic' }).count(), { timeout: 15_000 }).toBe(1);
    await englishLeft('admin-canned');

    // 用户: find the student, confirm the erasure by typing the Chinese word, erase.
    await tabs.getByRole('tab', { name: '用户', exact: true }).click();
    await page.getByLabel('姓名或外部编号').fill('Xiao');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect.poll(() => page.getByRole('table', { name: '找到的终端用户' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByRole('cell', { name: '匿名' }).count()).toBe(0);
    await page.getByRole('button', { name: '删除 Xiao Ming' }).click();
    const dialog = page.getByRole('alertdialog', { name: '删除 Xiao Ming？' });
    await expect.poll(() => dialog.count()).toBe(1);
    await englishLeft('admin-erase');
    await dialog.getByLabel('输入“删除”以确认').fill('删除');
    await dialog.getByRole('button', { name: '永久删除' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '已删除 Xiao Ming' }).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByRole('rowheader', { name: '已删除的用户' }).count()).toBe(1);
    await englishLeft('admin-people');
    // Their ticket stays, under the erased user's name in Chinese.
    await sections.getByRole('button', { name: '工单', exact: true }).click();
    const ticketList = page.getByRole('navigation', { name: '工单' });
    // Its texts were erased too: the list reads the placeholders in Chinese.
    await expect.poll(() => ticketList.innerText(), { timeout: 15_000 }).toContain('（已删除）');
    expect(await ticketList.innerText()).toContain('已删除的用户');
    expect(await ticketList.innerText()).not.toMatch(/Erased user|\(erased\)/);
    await sections.getByRole('button', { name: '管理' }).click();

    // 数据保留: keep Maple School's closed chats 30 days.
    await tabs.getByRole('tab', { name: '数据保留' }).click();
    await page.getByRole('spinbutton', { name: 'Maple School 的保留天数' }).fill('30');
    await page.getByRole('button', { name: '保存 Maple School 的数据保留设置' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '30 天后删除' }).count(), { timeout: 15_000 }).toBe(1);
    await englishLeft('admin-retention');

    // Webhook 推送: the endpoint the server turned off, and why, in Chinese.
    await tabs.getByRole('tab', { name: 'Webhook 推送' }).click();
    const card = page.getByRole('article', { name: `${HOOK_URL} 的 Webhook` });
    await expect.poll(() => card.innerText(), { timeout: 15_000 }).toContain('因多次失败已停用 — 连续 24 小时投递失败（最后一次应答：503）');
    expect(await card.innerText()).not.toContain('Deliveries failed');
    await englishLeft('admin-webhooks');

    // 值班 (on call).
    await tabs.getByRole('tab', { name: '值班' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: '值班表时区' }).count(), { timeout: 15_000 }).toBe(1);
    await englishLeft('admin-oncall');

    // 审计日志: the invitation, the canned reply, the erasure and the retention change, worded in Chinese.
    await tabs.getByRole('tab', { name: '审计日志' }).click();
    const entries = page.getByRole('table', { name: '审计日志记录' });
    await expect.poll(() => entries.innerText(), { timeout: 15_000 }).toMatch(/修改了数据保留\s+Maple School\s+原值：无 · 新值：30/);
    const text = await entries.innerText();
    for (const action of ['邀请了客服', '添加了快捷回复', '删除了终端用户']) expect(text, action).toContain(action);
    expect(text).toMatch(/角色：主管/);
    await page.getByRole('combobox', { name: '操作', exact: true }).selectOption({ label: '邀请了客服' });
    await expect.poll(() => entries.locator('tbody tr').count()).toBe(1);
    await englishLeft('admin-audit');
  });
});
