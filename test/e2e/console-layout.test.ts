// The console's shell fits the window on a wide screen, a laptop and a phone: nothing runs off to the side,
// and every section and the agent's own controls can be reached without scrolling sideways. Every section, and
// the sign-in page, has no accessibility violation axe-core finds, in English and in Chinese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { signInToConsole } from '../support/console-page';
import { axeViolations } from '../support/axe';

describe.runIf(browserAvailable())('console layout', () => {
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

  it('every section, in English and in Chinese, has no accessibility violations (axe-core)', { timeout: 240_000 }, async () => {
    const page = await (await browser.newProfile()).newPage();
    await page.goto(`${server.url}/console/`);
    await page.getByLabel('Email').waitFor();
    expect(await axeViolations(page), 'sign-in').toEqual([]);
    // The check sees what it should: an image without a text alternative fails it.
    await page.evaluate(() =>
      document.body.append(Object.assign(document.createElement('img'), { id: 'axe-probe', src: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' })),
    );
    expect(await axeViolations(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^image-alt \(critical\): .*#axe-probe/)]));
    await page.evaluate(() => document.getElementById('axe-probe')?.remove());
    // An admin of its own (every section): the language chosen below is saved with the account, and the layout
    // tests sign in as the seeded admin expecting English.
    const admin = await server.agent({ email: 'axe-admin@example.com', role: 'admin' });
    await signInToConsole(page, server.url, admin.email, admin.password);
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await expect.poll(() => nav.getByRole('button').count()).toBeGreaterThanOrEqual(6);
    const found: Record<string, string[]> = {};
    for (const language of ['en', 'zh-CN'] as const) {
      if (language === 'zh-CN') {
        await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
        await page.getByRole('navigation', { name: '功能区' }).waitFor();
      }
      const sections = page.locator('nav.sections').getByRole('button');
      const count = await sections.count();
      for (let i = 0; i < count; i++) {
        const section = sections.nth(i);
        const name = (await section.innerText()).trim();
        await section.click();
        await expect.poll(() => section.getAttribute('aria-current')).toBe('page');
        // Each section has a level-one heading (its own, or a hidden one naming it); then its first data comes in.
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        const violations = await axeViolations(page);
        if (violations.length) found[`${language} ${name}`] = violations;
      }
    }
    expect(found).toEqual({});
  });

  for (const [width, height] of [
    [1440, 900],
    [1280, 800],
    [1024, 768],
    [390, 844],
  ] as const) {
    it(`fits a ${width}px wide window`, async () => {
      const page = await (await browser.newProfile()).newPage();
      await page.setViewportSize({ width, height });
      await signInToConsole(page, server.url);
      const sections = page.getByRole('navigation', { name: 'Sections' }).getByRole('button');
      await expect.poll(() => sections.count()).toBeGreaterThanOrEqual(6);

      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const mustShow = [
        ...(await sections.all()),
        page.getByRole('button', { name: 'Sign out' }),
        page.getByRole('switch', { name: 'Available' }).or(page.getByRole('checkbox', { name: 'Available' })),
        page.getByRole('tab', { name: /^All/ }),
      ];
      for (const control of mustShow) {
        const box = await control.boundingBox();
        const name = (await control.getAttribute('aria-label')) ?? (await control.innerText().catch(() => '?'));
        expect(box, name).not.toBeNull();
        expect(box!.x, name).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, `${name} ends inside the window`).toBeLessThanOrEqual(width);
      }
    });
  }
});
