// The widget in Chinese in real Chromium (browser language zh-CN): the accessible names DESIGN.md lists, and a
// live switch with ClassroomSupport.setLocale(). Then outside the support plan's hours: when people are back, in
// the visitor's language and time zone, and a ticket instead of the queue. Then the set-up errors a school's IT
// meets first (a page the organisation does not allow, an app key nobody has, an identity that does not verify),
// scanned for English like every other widget screen.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_APP_KEY } from '../../examples/classroom/host-backend';
import { WEEKDAYS, type BusinessHours } from '../../shared/support-plan';
import { texts as ZH } from '../../widget/i18n/zh-CN';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { englishLeft } from '../support/english-left';
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

  it('outside the plan’s hours says when support is back, in the visitor’s language and time zone, and offers a ticket', {
    timeout: 60_000,
  }, async () => {
    // The demo school on a plan (Shanghai hours) open only 09:00–10:00 three days from now: closed now.
    const { store, clock } = server.services;
    const opens = DateTime.fromMillis(clock.now(), { zone: 'Asia/Shanghai' })
      .plus({ days: 3 })
      .set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
    const week = Object.fromEntries(
      WEEKDAYS.map((day) => [day, day === WEEKDAYS[opens.weekday - 1] ? [{ from: '09:00', to: '10:00' }] : []]),
    ) as BusinessHours['week'];
    const hours: BusinessHours = { timeZone: 'Asia/Shanghai', week, holidays: [], p1AlwaysOn: false };
    const target = (firstResponseMinutes: number) => ({ firstResponseMinutes, resolutionMinutes: null });
    const plan = await store.saveSupportPlanVersion({
      id: randomUUID(),
      name: 'Office hours',
      targets: { P1: target(15), P2: target(30), P3: target(120), P4: target(240) },
      warnAtPercent: 80,
      businessHours: hours,
      creditPerBreach: null,
      createdAt: clock.now(),
      createdBy: 'Ada',
    });
    const school = (await store.listOrganisations()).find((o) => o.appKey === DEMO_APP_KEY);
    expect(school).toBeDefined();
    await store.updateOrganisation(school!.id, { supportPlanId: plan.id });

    // A visitor in New York reading Chinese: 09:00 in Shanghai is the evening before, there.
    const visitor = await (await browser.newProfile({ locale: 'zh-CN', timeZone: 'America/New_York' })).newPage();
    await visitor.goto(`${server.url}/examples/classroom/?user=stu-li&name=Li%20Lei&role=student&room=physics-101&lang=zh-CN`);
    await visitor.getByRole('button', { name: /客服/ }).click();
    const status = visitor.getByRole('status').filter({ hasText: '不在服务时间' });
    await expect.poll(() => status.count(), { timeout: 15_000 }).toBe(1);
    const when = (locale: string) =>
      visitor.evaluate(
        ([at, lang]) =>
          new Intl.DateTimeFormat(lang, {
            weekday: 'long',
            month: 'long',
            day: 'numeric',
            hour: 'numeric',
            minute: '2-digit',
            timeZoneName: 'short',
          }).format(at),
        [opens.toMillis(), locale] as const,
      );
    const zhWhen = await when('zh-CN');
    expect(zhWhen).toContain(opens.setZone('America/New_York').toFormat('HH:mm'));
    expect(await status.innerText()).toContain(`我们现在不在服务时间，${zhWhen}恢复服务。`);
    // No queue to join: no message box, a ticket instead.
    expect(await visitor.getByRole('textbox', { name: '消息', exact: true }).count()).toBe(0);
    expect(await englishLeft(visitor, ['Li', 'Lei']), 'closed hours').toEqual([]);

    await visitor.evaluate(() => (window as unknown as { ClassroomSupport: { setLocale(l: string): void } }).ClassroomSupport.setLocale('en'));
    const english = visitor.getByRole('status').filter({ hasText: 'We are closed right now.' });
    await expect.poll(() => english.count(), { timeout: 15_000 }).toBe(1);
    expect(await english.innerText()).toContain(`We are back ${await when('en')}.`);
    await visitor.screenshot({ path: 'test-results/widget-closed-hours.png' });
    await visitor.getByRole('button', { name: 'Create a ticket' }).click();
    await expect.poll(() => visitor.getByRole('heading', { name: 'Leave us a message' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await visitor.getByRole('textbox', { name: 'What happened?' }).count()).toBe(1);
    await store.updateOrganisation(school!.id, { supportPlanId: null });
  });

  it('says what is wrong with the set-up in Chinese: page not allowed, unknown app key, identity not verified', { timeout: 60_000 }, async () => {
    // A host page the way a school's IT first writes one (the snippet, the script and init()), served by a second web
    // server on loopback: an origin the demo school has not allowed. The server's own origin is allowed.
    const hostPage = (init: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>课堂</title></head><body>
      <script>(function(w){var c=w.ClassroomSupport=w.ClassroomSupport||{_q:[]};['init','open','close','setContext','on','off','reportQuality','setLocale'].forEach(function(m){c[m]=c[m]||function(){c._q.push([m,[].slice.call(arguments)])}})})(window);</script>
      <script async src="${server.url}/widget.js"></script>
      <script>ClassroomSupport.init(Object.assign({ server: ${JSON.stringify(server.url)} }, ${init}));</script></body></html>`;
    const pages = new Map<string, string>();
    const elsewhere = createServer((req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages.get(req.url ?? '') ?? ''),
    );
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    const elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
    const cases = [
      { screen: 'page not allowed', origin: elsewhereUrl, init: `{ appKey: '${DEMO_APP_KEY}' }`, says: ZH.errors.origin_not_allowed },
      { screen: 'unknown app key', origin: elsewhereUrl, init: "{ appKey: 'no-such-school' }", says: ZH.errors.unknown_app_key },
      {
        screen: 'identity not verified',
        origin: server.url,
        init: `{ appKey: '${DEMO_APP_KEY}', token: 'not-a-signed-token' }`,
        says: ZH.errors.token_invalid,
      },
    ];
    const profile = await browser.newProfile({ locale: 'zh-CN' });
    try {
      for (const { screen, origin, init, says } of cases) {
        const path = `/${screen.replaceAll(' ', '-')}`;
        pages.set(path, hostPage(init));
        const page = await profile.newPage();
        // The server's own origin: the page answered by the test, the widget's requests by the server.
        if (origin === server.url)
          await page.route(`${origin}${path}`, (route) => route.fulfill({ contentType: 'text/html', body: pages.get(path)! }));
        await page.goto(`${origin}${path}`);
        await page.getByRole('button', { name: /客服/ }).click();
        await expect
          .poll(() => page.getByRole('dialog', { name: '课堂支持' }).getByRole('status').first().innerText(), { timeout: 15_000 })
          .toBe(says);
        expect(await englishLeft(page), screen).toEqual([]);
        await page.screenshot({ path: `test-results/widget-zh${path}.png` });
        await page.close();
      }
    } finally {
      await new Promise((resolve) => elsewhere.close(resolve));
    }
  });
});
