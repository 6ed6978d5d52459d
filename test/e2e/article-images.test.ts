// Article images in the console's preview, in real Chromium: an image from an allowed origin loads under the
// console's CSP; one from any other origin is never rendered, so it is never fetched either.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { signInToConsole } from '../support/console-page';

/** A 1×1 PNG. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

interface ImageHost {
  origin: string;
  requests: string[];
  server: Server;
}

/** A second web server on 127.0.0.1 serving the pixel, remembering what was asked of it. */
async function imageHost(): Promise<ImageHost> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': PIXEL.length });
    res.end(PIXEL);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, server };
}

describe.runIf(browserAvailable())('article images in the console preview', () => {
  let server: TestServer;
  let browser: Browser;
  let allowed: ImageHost;
  let other: ImageHost;

  beforeAll(async () => {
    allowed = await imageHost();
    other = await imageHost();
    server = await startTestServer({ articleImageOrigins: [allowed.origin] });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    for (const host of [allowed, other]) host?.server.close();
  });

  it('shows an image from an allowed origin with no CSP violation, and does not render one from elsewhere', async () => {
    const page = await (await browser.newProfile()).newPage();
    // Collected before any console script runs: every CSP violation the page reports.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) consoleErrors.push(message.text());
    });

    await signInToConsole(page, server.url);
    await page.getByRole('button', { name: 'Articles', exact: true }).click();
    await page.getByRole('button', { name: 'New article' }).click();
    await page.getByLabel('Title').fill('Where the camera switch is');
    await page
      .getByLabel('Body (markdown)')
      .fill(`The switch:\n\n![camera switch](${allowed.origin}/switch.png)\n\n![elsewhere](${other.origin}/elsewhere.png)`);

    const preview = page.getByRole('region', { name: 'Preview' });
    const image = preview.getByRole('img', { name: 'camera switch' });
    await image.scrollIntoViewIfNeeded({ timeout: 10_000 });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 }).toBe(1);
    expect(allowed.requests).toEqual(['/switch.png']);

    // The other origin's image is its alt text, not an <img>: nothing to block, nothing fetched.
    expect(await preview.getByRole('img').count()).toBe(1);
    expect(await preview.innerText()).toContain('elsewhere');
    expect(other.requests).toEqual([]);

    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 60_000);
});
