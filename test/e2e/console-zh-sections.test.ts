// Every section of the console in zh-CN, in real Chromium: an admin whose browser speaks Chinese signs in once and
// walks the inbox, a chat, a ticket and every section and sub-screen an admin can open (and an agent, also
// reading Chinese, suggests an edit to an article for the admin to review) — each with something in
// it (a student's chat from a classroom reporting a poor network, a ticket filed from it, articles, the
// classroom's chart), Account and every Admin tab included — and no screen shows an English word the console wrote. A new untranslated string on any
// of these screens makes it fail, naming the screen and the text.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZH_CN } from '../../server/console/i18n/zh-CN';
import type { Agent } from '../../server/domain/records';
import { DEFAULT_QUALITY_RULES } from '../../shared/quality';
import { apiCaller, dataOf } from '../support/api-call';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { consoleEnglishLeft } from '../support/console-english-left';
import { goAvailable } from '../support/console-page';
import { startTestServer, type TestServer } from '../support/server';

const SHOTS = process.env.CS_SCREENSHOTS;
const STUDENT = 'Xiao Ming';
const ROOM = 'physics-101';
const CANNED = 'mic';

describe.runIf(browserAvailable())('every console section in Chinese', () => {
  let server: TestServer;
  let browser: Browser;
  /** People, places and data of this test, shown as they are: the example organisation, the student, the room. */
  let names: string[];
  /** An agent who suggests an edit to an article. */
  let li: Agent & { password: string };
  beforeAll(async () => {
    server = await startTestServer({ examples: true });
    browser = await launchBrowser();
    const demo = await server.services.store.findOrganisationByAppKey('demo-classroom');
    // Degraded after 1 s of bad reports instead of 20 s, so Monitoring has a degraded user to show at once.
    const call = apiCaller(server.url, { cookie: await server.signIn('admin@example.com', 'admin-password') });
    dataOf(
      await call('PUT', `/api/admin/organisations/${demo!.id}/quality-rules`, {
        rules: { ...DEFAULT_QUALITY_RULES, user: { ...DEFAULT_QUALITY_RULES.user, degradedAfterMs: 1_000 } },
      }),
    );
    // A canned reply for the "/" picker; its shortcut is what agents type, the same in every language.
    dataOf(await call('POST', '/api/admin/canned-replies', { shortcut: CANNED, title: '麦克风', text: '请检查麦克风是否静音。', locale: 'zh-CN' }));
    li = await server.agent({ name: 'Li Wei', role: 'agent', tier: 'L1' });
    const admin = (await server.services.store.listAgents()).find((a) => a.email === 'admin@example.com')!;
    const words = (text: string) => text.match(/[A-Za-z]{2,}/g) ?? [];
    names = [
      ...words(demo!.name),
      ...words(STUDENT),
      ...words(ROOM),
      ...words(admin.name),
      ...words(admin.email),
      ...words(li.name),
      ...words(li.email),
      CANNED,
    ];
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const shot = async (page: Page, name: string) => {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  };

  it('shows no English the console wrote on any screen an admin opens', { timeout: 180_000 }, async () => {
    // A Chinese student on a poor network asks for help: a chat in the inbox, a classroom in Monitoring.
    const student = await (await browser.newProfile({ locale: 'zh-CN' })).newPage();
    await student.goto(
      `${server.url}/examples/classroom/?lang=zh-CN&user=stu-xm&name=${encodeURIComponent(STUDENT)}&role=student&room=${ROOM}&network=poor`,
    );
    await student.getByRole('button', { name: /客服/ }).click();
    await student.getByRole('textbox', { name: '消息' }).fill('老师的声音听不到');
    await student.getByRole('button', { name: '发送' }).click();
    await expect.poll(() => student.getByRole('log').innerText(), { timeout: 15_000 }).toContain('老师的声音听不到');

    const page = await (await browser.newProfile({ locale: 'zh-CN' })).newPage();
    await page.goto(`${server.url}/console/`);
    await page.getByLabel(ZH_CN.signIn.email).fill('admin@example.com');
    await page.getByLabel(ZH_CN.signIn.password).fill('admin-password');
    await page.getByRole('button', { name: ZH_CN.signIn.submit }).click();
    await goAvailable(page, ZH_CN.app.available);
    const left: Record<string, string[]> = {};
    const scan = async (screen: string) => {
      await shot(page, `console-zh-${screen}`);
      const english = await consoleEnglishLeft(page, names);
      if (english.length) left[screen] = english;
    };
    const nav = page.getByRole('navigation', { name: ZH_CN.app.sections });
    const section = async (name: string, ready: () => Promise<unknown>) => {
      await nav.getByRole('button', { name, exact: true }).click();
      await ready();
    };
    /** What a screen loads has arrived: its text stays the same for a moment and no longer says it is loading. */
    const settled = async () => {
      let before = '';
      await expect
        .poll(
          async () => {
            const now = await page.locator('main').last().innerText();
            const still = now === before && !/加载/.test(now);
            before = now;
            return still;
          },
          { timeout: 15_000, interval: 300 },
        )
        .toBe(true);
    };
    const heading = (name: string | RegExp) => () =>
      page
        .getByRole('heading', { name, exact: typeof name === 'string' })
        .first()
        .waitFor({ timeout: 15_000 });

    // Inbox and the student's chat, then a ticket filed from it and the ticket view.
    await page
      .getByRole('button', { name: new RegExp(STUDENT) })
      .first()
      .click();
    await expect.poll(() => page.getByRole('log', { name: ZH_CN.chat.history }).innerText(), { timeout: 15_000 }).toContain('老师的声音听不到');
    await scan('chat');
    // The chat's dialogs and pickers: transfer, the keyboard shortcuts, and the "/" canned replies once it is ours.
    // Routing has likely given the chat to the admin (available); if not, the admin takes it.
    const take = page.getByRole('button', { name: ZH_CN.chat.take });
    if (await take.count()) await take.click();
    await expect.poll(() => page.getByRole('textbox', { name: ZH_CN.workspace.reply }).isEnabled(), { timeout: 15_000 }).toBe(true);
    await page.getByRole('button', { name: ZH_CN.chat.transfer }).click();
    await page.getByRole('dialog', { name: /转接/ }).waitFor();
    await scan('transfer');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: ZH_CN.app.shortcuts }).click();
    await page.getByRole('dialog', { name: ZH_CN.app.shortcuts }).waitFor();
    await scan('shortcuts');
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: ZH_CN.workspace.reply }).fill('/');
    await page.getByRole('listbox', { name: ZH_CN.composer.canned }).waitFor();
    await scan('canned replies');
    await page.getByRole('textbox', { name: ZH_CN.workspace.reply }).fill('');
    await page.getByRole('button', { name: ZH_CN.createTicket.trigger }).click();
    await page.getByRole('textbox', { name: ZH_CN.createTicket.subject }).fill('学生听不到老师的声音');
    await scan('create-ticket');
    await page.getByRole('button', { name: ZH_CN.createTicket.create, exact: true }).click();
    await page.getByRole('button', { name: ZH_CN.createTicket.open }).click();
    await page.getByRole('region', { name: /CS-\d+ 学生听不到老师的声音/ }).waitFor({ timeout: 15_000 });
    await scan('ticket');

    // An agent (a second person, also reading Chinese) suggests an edit to a Chinese article; the admin reviews it.
    const agent = await (await browser.newProfile({ locale: 'zh-CN' })).newPage();
    await agent.goto(`${server.url}/console/`);
    await agent.getByLabel(ZH_CN.signIn.email).fill(li.email);
    await agent.getByLabel(ZH_CN.signIn.password).fill(li.password);
    await agent.getByRole('button', { name: ZH_CN.signIn.submit }).click();
    await agent.getByRole('navigation', { name: ZH_CN.app.sections }).getByRole('button', { name: ZH_CN.app.articles, exact: true }).click();
    await agent.locator('.article-list .article-item:has(.article-item-title[lang="zh-CN"])').first().click();
    await agent.getByRole('button', { name: ZH_CN.articles.suggestEdit }).click();
    await agent.getByRole('textbox', { name: ZH_CN.articles.summary }).fill('先检查网络，再重新进入课堂。');
    await agent.getByRole('textbox', { name: ZH_CN.edits.whyChange }).fill('学生常常先问网络问题。');
    const agentLeft = async (screen: string) => {
      await shot(agent, `console-zh-agent-${screen}`);
      const english = await consoleEnglishLeft(agent, names);
      if (english.length) left[`agent ${screen}`] = english;
    };
    await agentLeft('suggesting an edit');
    await agent.getByRole('button', { name: ZH_CN.edits.send }).click();
    await agent.getByText(ZH_CN.edits.sent).waitFor({ timeout: 15_000 });
    await agent.getByRole('heading', { name: ZH_CN.edits.myListTitle }).waitFor();
    await agentLeft('suggestion sent');
    await agent.close();

    // Articles: the suggestion under review with its changes, one article in the editor, and self-service insights.
    await section(ZH_CN.app.articles, heading(ZH_CN.articles.title));
    await page.locator('.suggested-edit-list .article-item').first().click();
    await page.getByRole('heading', { name: new RegExp(`^${ZH_CN.edits.reviewTitle}`) }).waitFor({ timeout: 15_000 });
    await page.getByRole('region', { name: ZH_CN.edits.changes }).waitFor();
    await scan('suggested edit review');
    await page.locator('.article-list .article-item').first().click();
    await page.getByRole('heading', { level: 2 }).nth(2).waitFor();
    await expect.poll(() => page.locator('.article-preview').innerText(), { timeout: 10_000 }).not.toBe('');
    await scan('articles');
    await page.getByRole('tab', { name: ZH_CN.articles.tabInsights }).click();
    await heading(ZH_CN.articles.deflectionsTitle)();
    await scan('article-insights');

    // Monitoring with the student's classroom and its chart, and the rules form.
    await section(ZH_CN.app.monitoring, heading(ZH_CN.monitoring.title));
    const show = page.getByRole('button', { name: new RegExp(ROOM) }).first();
    await show.waitFor({ timeout: 30_000 });
    await show.click();
    await page.locator('.monitoring canvas').first().waitFor({ timeout: 15_000 });
    await heading(ZH_CN.qualityRules.title)();
    await page.getByRole('button', { name: ZH_CN.qualityRules.save }).waitFor();
    await scan('monitoring');

    await section(ZH_CN.desk.nav, heading(ZH_CN.desk.title));
    await scan('desk');
    await section(ZH_CN.app.reports, heading(ZH_CN.reports.title));
    await scan('reports');
    await section(ZH_CN.app.supervisor, heading(ZH_CN.supervisor.title));
    await scan('supervisor');
    await section(ZH_CN.plans.nav, heading(ZH_CN.plans.title));
    await scan('plans');
    await section(ZH_CN.app.ticketSettings, heading(ZH_CN.settings.slaTitle));
    await page.getByRole('heading', { name: ZH_CN.settings.tokensTitle }).waitFor();
    await scan('ticket-settings');
    await section(ZH_CN.app.tickets, () =>
      page
        .getByRole('navigation', { name: ZH_CN.tickets.section })
        .getByText(/CS-\d+/)
        .first()
        .waitFor({ timeout: 15_000 }),
    );
    await scan('tickets');

    // Account, and every Admin tab as it first opens (console-zh-admin.test.ts works each of them in depth).
    await section(ZH_CN.app.account, heading(ZH_CN.account.title));
    await settled();
    await scan('account');
    await section(ZH_CN.app.admin, heading(ZH_CN.admin.title));
    const tabs = page.getByRole('tablist', { name: ZH_CN.admin.title }).getByRole('tab');
    for (const name of await tabs.allInnerTexts()) {
      await tabs.filter({ hasText: name }).click();
      await expect.poll(() => tabs.filter({ hasText: name }).getAttribute('aria-selected')).toBe('true');
      await settled();
      await scan(`admin ${name}`);
    }

    expect(left).toEqual({});
  });
});
