// saved-uploads.ts on the real IndexedDB of Chromium: the module is served as it is by Vite's dev server and
// imported into a page, so files, reloads and a refused IndexedDB are the browser's own.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { browserAvailable, launchBrowser, type Browser } from '../../test/support/browser';
import type * as SavedUploads from './saved-uploads';

/** The page puts the module on window.saved. */
type Loaded = { saved: typeof SavedUploads };

describe.runIf(browserAvailable())('saved ticket uploads in IndexedDB', () => {
  let vite: ViteDevServer;
  let browser: Browser;
  let profile: BrowserContext;
  let origin: string;

  beforeAll(async () => {
    vite = await createServer({
      configFile: false,
      root: fileURLToPath(new URL('../..', import.meta.url)),
      logLevel: 'silent',
      appType: 'custom',
      server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
      optimizeDeps: { noDiscovery: true },
    });
    await vite.listen();
    origin = (vite.resolvedUrls?.local[0] ?? '').replace(/\/$/, '');
    browser = await launchBrowser();
    profile = await browser.newProfile();
    // A page of the dev server's origin (the module and its database belong to it) that imports the module.
    const page = `<!doctype html><title>uploads</title><script type="module">
import * as saved from '/widget/tickets/saved-uploads.ts'; window.saved = saved;</script>`;
    await profile.route(`${origin}/page.html`, (route) => route.fulfill({ contentType: 'text/html', body: page }));
  });
  afterAll(async () => {
    await browser?.close();
    await vite?.close();
  });

  async function open(page: Page): Promise<Page> {
    await page.goto(`${origin}/page.html`);
    await page.waitForFunction(() => 'saved' in window);
    return page;
  }

  const save = (page: Page, owner: string, id: string, text: string, savedAt: number) =>
    page.evaluate(
      ({ owner, id, text, savedAt }) =>
        (window as unknown as Loaded).saved.saveUpload({
          id,
          owner,
          ticketId: `ticket-${id}`,
          name: `${id}.log`,
          type: 'text/plain',
          file: new Blob([text], { type: 'text/plain' }),
          savedAt,
        }),
      { owner, id, text, savedAt },
    );
  const list = (page: Page, owner: string) =>
    page.evaluate(async (owner) => {
      const uploads = await (window as unknown as Loaded).saved.savedUploads(owner);
      return Promise.all(uploads.map(async ({ file, ...rest }) => ({ ...rest, text: await file.text() })));
    }, owner);
  const flag = (page: Page, owner: string) => page.evaluate((owner) => localStorage.getItem(`cs:uploads:${owner}`), owner);

  it("keeps each user's files across a reload, with their bytes, oldest first", async () => {
    const page = await open(await profile.newPage());
    expect(await save(page, 'app:ada', 'b', 'second file', 2)).toBe(true);
    expect(await save(page, 'app:ada', 'a', 'first file', 1)).toBe(true);
    expect(await save(page, 'app:lin', 'c', 'not Ada’s', 3)).toBe(true);
    expect(await flag(page, 'app:ada')).toBe('1');

    await page.reload();
    await open(page);
    expect(await list(page, 'app:ada')).toEqual([
      { id: 'a', owner: 'app:ada', ticketId: 'ticket-a', name: 'a.log', type: 'text/plain', savedAt: 1, text: 'first file' },
      { id: 'b', owner: 'app:ada', ticketId: 'ticket-b', name: 'b.log', type: 'text/plain', savedAt: 2, text: 'second file' },
    ]);
    expect((await list(page, 'app:lin')).map((u) => u.text)).toEqual(['not Ada’s']);
    await page.close();
  });

  it('forgets a file for good, also in a tab opened later, and lowers the flag with the last one', async () => {
    const first = await open(await profile.newPage());
    await save(first, 'app:bo', 'd', 'one', 1);
    await save(first, 'app:bo', 'e', 'two', 2);
    await save(first, 'app:kai', 'f', 'not Bo’s', 3);
    await first.close();
    // A closed tab, reopened: a new page of the same browser profile.
    const page = await open(await profile.newPage());
    await page.evaluate(() => (window as unknown as Loaded).saved.forgetUpload('app:bo', 'd'));
    expect((await list(page, 'app:bo')).map((u) => u.id)).toEqual(['e']);
    expect(await flag(page, 'app:bo')).toBe('1');
    await page.evaluate(() => (window as unknown as Loaded).saved.forgetUpload('app:bo', 'e'));
    expect(await list(page, 'app:bo')).toEqual([]);
    expect(await flag(page, 'app:bo')).toBeNull();
    expect(await flag(page, 'app:kai')).toBe('1');
    await page.close();
  });

  it('skips damaged records and lowers a flag that has no files behind it', async () => {
    const page = await open(await profile.newPage());
    // The module creates the database on first use; the damaged record is then written past it.
    await list(page, 'app:eve');
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('classroom-support');
          request.onsuccess = () => {
            const tx = request.result.transaction('uploads', 'readwrite');
            tx.objectStore('uploads').put({
              id: 'broken',
              owner: 'app:eve',
              ticketId: 't',
              name: 'x',
              type: 'text/plain',
              savedAt: 1,
              file: 'not a blob',
            });
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.evaluate(() => localStorage.setItem('cs:uploads:app:eve', '1'));
    expect(await list(page, 'app:eve')).toEqual([]);
    expect(await flag(page, 'app:eve')).toBeNull();
    await page.close();
  });

  it('answers "nothing saved" without throwing where IndexedDB is refused', async () => {
    const page = await profile.newPage();
    // As in a sandboxed iframe: touching indexedDB throws a SecurityError.
    await page.addInitScript(() =>
      Object.defineProperty(window, 'indexedDB', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      }),
    );
    await open(page);
    expect(await save(page, 'app:kim', 'k', 'kept only in memory', 1)).toBe(false);
    expect(await list(page, 'app:kim')).toEqual([]);
    await page.evaluate(() => (window as unknown as Loaded).saved.forgetUpload('app:kim', 'k'));
    expect(await flag(page, 'app:kim')).toBeNull();
    await page.close();
  });
});
