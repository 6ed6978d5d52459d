// The console's HTML shell in the language the browser asks for: <html lang>, <title> and the noscript line are
// in it before any script runs (and for a browser that runs none). The app then follows the agent's saved choice.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Request, RequestHandler } from 'express';
import { consoleDir } from '../../paths';

/** The same words as the console's dictionaries (app.title); a unit test keeps them equal. */
export const SHELL_WORDS = {
  en: { title: 'Classroom Support Console', noscript: 'The Classroom Support Console needs JavaScript.' },
  'zh-CN': { title: '课堂客服控制台', noscript: '课堂客服控制台需要启用 JavaScript 才能使用。' },
} as const;

export type ShellLanguage = keyof typeof SHELL_WORDS;

/** The browser's preferred language of the two, as the console picks it before the agent has chosen one. */
export const shellLanguage = (req: Request): ShellLanguage => ((req.acceptsLanguages('en', 'zh-CN', 'zh') || 'en') === 'en' ? 'en' : 'zh-CN');

/** index.html as built, with its language, title and noscript line in `lang`. */
export function localiseShell(html: string, lang: ShellLanguage): string {
  const words = SHELL_WORDS[lang];
  return html
    .replace(/<html lang="[^"]*"/, `<html lang="${lang}"`)
    .replace(/<title>[^<]*<\/title>/, `<title>${words.title}</title>`)
    .replace(/<noscript>[^<]*<\/noscript>/, `<noscript>${words.noscript}</noscript>`);
}

export const consoleShell: RequestHandler = async (req, res) => {
  const html = await readFile(join(consoleDir, 'index.html'), 'utf8');
  // The shell differs by Accept-Language: caches must keep one per language, and never serve a stale build.
  res.setHeader('Vary', 'Accept-Language');
  res.setHeader('Cache-Control', 'no-cache');
  res.type('html').send(localiseShell(html, shellLanguage(req)));
};
