// The console's HTML shell over HTTP in the browser's language: lang, title and the noscript line are Chinese for
// a browser asking for Chinese and English otherwise, on the console's own address and on its deep links, while
// its assets are served as before. The words are the console dictionaries' own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EN } from '../../server/console/i18n/en';
import { ZH_CN } from '../../server/console/i18n/zh-CN';
import { SHELL_WORDS } from '../../server/transport/http/console-shell';
import { startTestServer, type TestServer } from '../support/server';

describe('the console shell', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const shell = async (path: string, acceptLanguage?: string) => {
    const res = await fetch(`${server.url}${path}`, { headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} });
    expect(res.status, path).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('vary')).toMatch(/Accept-Language/i);
    return res.text();
  };

  it('names the console in the dictionaries’ words', () => {
    expect(SHELL_WORDS.en.title).toBe(EN.app.title);
    expect(SHELL_WORDS['zh-CN'].title).toBe(ZH_CN.app.title);
  });

  it('is Chinese for a browser asking for Chinese, on the console and its deep links', async () => {
    for (const path of ['/console/', '/console/index.html', '/console/tickets/CS-000001']) {
      const html = await shell(path, 'zh-CN,zh;q=0.9,en;q=0.5');
      expect(html, path).toContain('<html lang="zh-CN"');
      expect(html, path).toContain(`<title>${ZH_CN.app.title}</title>`);
      expect(html, path).toContain(`<noscript>${SHELL_WORDS['zh-CN'].noscript}</noscript>`);
      expect(html.match(/<title>([^<]*)<\/title>/)?.[1], path).not.toMatch(/[A-Za-z]{2,}/);
    }
    expect(await shell('/console/', 'zh-TW,zh;q=0.8')).toContain('<html lang="zh-CN"');
  });

  it('stays English for an English browser, another language or none, and still serves its assets', async () => {
    for (const language of ['en-US,en;q=0.9', 'fr-FR', undefined]) {
      const html = await shell('/console/', language);
      expect(html, language).toContain('<html lang="en"');
      expect(html, language).toContain(`<title>${EN.app.title}</title>`);
      expect(html, language).toContain(`<noscript>${SHELL_WORDS.en.noscript}</noscript>`);
    }
    const html = await shell('/console/', 'zh-CN');
    const script = html.match(/src="(\/console\/assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${server.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });
});
