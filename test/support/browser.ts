// Real Chromium for end-to-end tests: Debian's build driven by playwright-core, never a downloaded browser.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

/** In CI a missing browser fails the run; on a developer machine the browser suites are skipped. */
export function browserAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  if (process.env.CI === 'true') throw new Error(`Chromium not found at ${chromiumPath}; install Debian's chromium or set CHROMIUM_PATH`);
  return false;
}

export interface Browser {
  /** A fresh profile: its own cookies and storage, like a separate person's browser; `locale` is its language (e.g. zh-CN). */
  newProfile(options?: { locale?: string }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profiles: Array<{ context: BrowserContext; dir: string }> = [];
  return {
    async newProfile(options = {}) {
      const dir = mkdtempSync(join(tmpdir(), 'cs-chromium-'));
      const context = await chromium.launchPersistentContext(dir, {
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
          ...(options.locale ? [`--lang=${options.locale}`] : []),
        ],
        viewport: { width: 1280, height: 800 },
        ...(options.locale ? { locale: options.locale } : {}),
      });
      profiles.push({ context, dir });
      return context;
    },
    async close() {
      for (const { context, dir } of profiles) {
        await context.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
