// Public pages: each published article at /help/<slug>?lang=, the address agents paste into chats; and the
// widget's lazily loaded parts under /widget/, which host pages on any origin import as modules.
import { dirname } from 'node:path';
import express, { Router } from 'express';
import { articleLocaleFor, type ArticleLocale, type ArticlePage } from '../../../shared/articles';
import { ArticleSlugSchema } from '../../../shared/article-schemas';
import { validate } from '../../../shared/validate';
import { DomainError } from '../../domain/errors';
import type { SupportServices } from '../../domain/services';
import { widgetBundle } from '../../paths';

/**
 * Articles are markup we rendered ourselves, but the page still runs no script at all, and shows images
 * only from the allowed article image origins (the renderer drops others; the policy holds if it did not).
 */
const helpCsp = (imageOrigins: readonly string[]) =>
  [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    imageOrigins.length ? ['img-src', ...imageOrigins].join(' ') : "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const LANGUAGE_NAME = { 'zh-CN': '中文', en: 'English' } as const;

/** The page's own words, in the article's language (a reader following a Chinese link reads no English). */
const WORDS: Record<ArticleLocale, { brand: string; help: string; notFoundTitle: string; notFound: string }> = {
  en: {
    brand: 'Classroom Support',
    help: 'Help',
    notFoundTitle: 'Not found',
    notFound: 'This help article does not exist or is no longer published.',
  },
  'zh-CN': { brand: '课堂支持', help: '帮助中心', notFoundTitle: '未找到', notFound: '这篇帮助文章不存在或已不再发布。' },
};

function helpPage(page: ArticlePage): string {
  const other = page.translations
    .map((locale) => `<a href="/help/${page.slug}?lang=${locale}" hreflang="${locale}" lang="${locale}">${LANGUAGE_NAME[locale]}</a>`)
    .join(' ');
  const updated = new Date(page.updatedAt).toISOString().slice(0, 10);
  const w = WORDS[page.locale];
  return `<!doctype html>
<html lang="${page.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(page.title)} · ${w.brand}</title>
<style>
:root{color-scheme:light dark;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"PingFang SC","Microsoft YaHei",sans-serif}
body{max-width:46rem;margin:0 auto;padding:1.5rem 1.25rem 4rem}
header{display:flex;justify-content:space-between;gap:1rem;color:#5b6577;font-size:.9rem}
h1{font-size:1.6rem;line-height:1.3;margin:.75rem 0 .25rem}
.summary{color:#5b6577;margin-top:0}
table{border-collapse:collapse;margin:1rem 0;width:100%;font-size:.92rem}
th,td{border:1px solid #c9ced8;padding:.4rem .6rem;text-align:left;vertical-align:top}
code{font-size:.92em}
img{max-width:100%}
.image-blocked{font-style:italic;color:#5b6577}
</style>
</head>
<body>
<header><span>${w.brand} · ${w.help}</span><span>${other}</span></header>
<main>
<h1>${escapeHtml(page.title)}</h1>
<p class="summary">${escapeHtml(page.summary)}</p>
${page.html}
<p class="summary"><time datetime="${updated}">${updated}</time></p>
</main>
</body>
</html>`;
}

const missing = (locale: ArticleLocale): string =>
  `<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>${WORDS[locale].notFoundTitle} · ${WORDS[locale].brand}</title>` +
  `<p>${WORDS[locale].notFound}</p></html>`;

export function helpPages(services: SupportServices): Router {
  const router = Router();
  const csp = helpCsp(services.articles.imageOrigins);

  router.get('/help/:slug', async (req, res) => {
    res.setHeader('Content-Security-Policy', csp);
    const slug = validate(ArticleSlugSchema, req.params.slug);
    const lang = typeof req.query.lang === 'string' ? req.query.lang : req.acceptsLanguages('zh-CN', 'zh', 'en') || undefined;
    try {
      if (!slug.ok) throw new DomainError('not_found', 'No such article');
      const page = await services.articles.library.page(slug.data, articleLocaleFor(lang));
      res.setHeader('Cache-Control', 'public, max-age=60');
      res.type('html').send(helpPage(page));
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'not_found')) throw error;
      res
        .status(404)
        .type('html')
        .send(missing(articleLocaleFor(lang)));
    }
  });

  // Lazy widget modules are fetched with import() from the host page's origin, which needs CORS.
  router.use(
    '/widget',
    express.static(dirname(widgetBundle), {
      index: false,
      setHeaders: (res) => {
        res.setHeader('Access-Control-Allow-Origin', '*');
        res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
        res.setHeader('Cache-Control', 'public, max-age=300');
      },
    }),
  );

  return router;
}
