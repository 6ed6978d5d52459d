// Real Chromium for end-to-end tests: Debian's build driven by playwright-core, never a downloaded browser.
// One browser process per test file (Playwright gives it a fresh temporary profile); each "profile" is an
// isolated context of its own — its own cookies, storage and language, like a separate person's browser —
// which costs milliseconds instead of the second or more a whole Chromium process takes to start.
import { existsSync } from 'node:fs';
import { chromium, type Browser as PlaywrightBrowser, type BrowserContext } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

/** In CI a missing browser fails the run; on a developer machine the browser suites are skipped. */
export function browserAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  if (process.env.CI === 'true') throw new Error(`Chromium not found at ${chromiumPath}; install Debian's chromium or set CHROMIUM_PATH`);
  return false;
}

export interface Browser {
  /** A fresh profile: its own cookies and storage, like a separate person's browser; `locale` is its language (e.g. zh-CN). */
  /** `timeZone`: the profile's IANA time zone (the machine's when not given). */
  newProfile(options?: { locale?: string; timeZone?: string }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  let browser: Promise<PlaywrightBrowser> | undefined;
  const start = () =>
    (browser ??= chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    }));
  const contexts: BrowserContext[] = [];
  return {
    async newProfile(options = {}) {
      const context = await (await start()).newContext({
        viewport: { width: 1280, height: 800 },
        locale: options.locale ?? 'en-US',
        ...(options.timeZone ? { timezoneId: options.timeZone } : {}),
      });
      contexts.push(context);
      return context;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      if (browser) await (await browser).close();
    },
  };
}
