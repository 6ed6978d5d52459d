// The article reader, loaded only when a visitor opens an article (a separate module, outside the start-up
// budget). Plain DOM, no framework: it shows HTML the server already rendered and sanitised.
import type { ArticleLocale, ArticlePage } from '../../shared/articles';
import { articleStyles } from './article-styles';

const LANGUAGE = { 'zh-CN': '阅读中文版', en: 'Read in English' } as const;
const UPDATED = { 'zh-CN': '更新于', en: 'Updated' } as const;
/** What the server's renderer can produce; anything else is dropped again here (defence in depth). */
const TAGS = new Set('A B BLOCKQUOTE BR CODE DEL EM H1 H2 H3 H4 H5 H6 HR IMG LI OL P PRE S SPAN STRONG TABLE TBODY TD TH THEAD TR UL'.split(' '));
const ATTRIBUTES = new Set(['href', 'target', 'rel', 'data-article', 'src', 'alt', 'loading', 'referrerpolicy', 'class', 'title']);

function clean(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const element of [...template.content.querySelectorAll('*')]) {
    if (!TAGS.has(element.tagName)) {
      element.remove();
      continue;
    }
    for (const { name, value } of [...element.attributes]) {
      const unsafeUrl = (name === 'href' || name === 'src') && !/^(?:https?:|mailto:|\/help\/)/i.test(value);
      if (!ATTRIBUTES.has(name) || unsafeUrl) element.removeAttribute(name);
    }
  }
  return template.content;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]>, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function addStyles(box: HTMLElement): void {
  const root = box.getRootNode() as ShadowRoot | Document;
  const parent = 'host' in root ? root : document.head;
  if (parent.querySelector('style[data-cs-article]')) return;
  const style = element('style', { textContent: articleStyles });
  style.dataset.csArticle = '';
  parent.append(style);
}

/**
 * Shows `page` in `box`. Links to other articles call `open` (the widget shows them in place); their address
 * still points at the public help page, so "open in new tab" works.
 */
export function renderArticle(box: HTMLElement, page: ArticlePage, server: string, open: (slug: string, locale: ArticleLocale) => void): void {
  addStyles(box);
  const heading = element('h3', { id: 'cs-article-title', tabIndex: -1, textContent: page.title });
  const body = element('div', { className: 'cs-article-body' }, clean(page.html));
  for (const link of body.querySelectorAll<HTMLAnchorElement>('a[data-article]')) {
    link.href = `${server}/help/${link.dataset.article}?lang=${page.locale}`;
  }
  const meta = element('p', { className: 'cs-article-meta' }, `${UPDATED[page.locale]} ${new Date(page.updatedAt).toLocaleDateString(page.locale)}`);
  for (const locale of page.translations) {
    const other = element('a', { href: `${server}/help/${page.slug}?lang=${locale}`, lang: locale, textContent: LANGUAGE[locale] });
    other.dataset.article = page.slug;
    other.dataset.locale = locale;
    meta.append(' · ', other);
  }
  const article = element('article', { lang: page.locale }, heading, body, meta);
  article.setAttribute('aria-labelledby', heading.id);
  article.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-article]');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    open(link.dataset.article!, (link.dataset.locale as ArticleLocale | undefined) ?? page.locale);
  });
  box.replaceChildren(article);
  heading.focus();
}
