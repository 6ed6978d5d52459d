// The console's shell fits the window on a wide screen, a laptop and a phone: nothing runs off to the side,
// and every section and the agent's own controls can be reached without scrolling sideways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { signInToConsole } from '../support/console-page';

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
