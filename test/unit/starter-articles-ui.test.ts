// The starter help articles agree with the widget: every interface name an article quotes — 「…」 in Chinese,
// "…" in English — is a text the widget shows in that language, and every article renders with no markdown
// markers left in its text (Chinese emphasis next to full-width punctuation included).
import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer } from '../../server/domain/articles/article-markdown';
import { readStarterArticles } from '../../server/starter-articles';
import { texts as panelEn } from '../../widget/i18n/en';
import { launcherTexts } from '../../widget/i18n/messages';
import { texts as panelZh } from '../../widget/i18n/zh-CN';
import { ticketTexts } from '../../widget/tickets/i18n/en';
import { ticketTextsZh } from '../../widget/tickets/i18n/zh-CN';

type Dictionary = Record<string, Record<string, string>>;
const values = (...dictionaries: Dictionary[]) => new Set(dictionaries.flatMap((d) => Object.values(d).flatMap((part) => Object.values(part))));

/** What the widget shows, per language; "← Back" is named "Back" in prose. */
const SHOWN = {
  en: values(panelEn, ticketTexts as unknown as Dictionary, { launcher: launcherTexts.en }),
  'zh-CN': values(panelZh, ticketTextsZh, { launcher: launcherTexts['zh-CN'] }),
};
const QUOTED = { en: /"([^"\n]+)"/g, 'zh-CN': /「([^」\n]+)」/g };

const articles = readStarterArticles();
const render = createMarkdownRenderer({ imageOrigins: [] });
/** The text a reader sees: tags gone, entities decoded, code spans (which show markers on purpose) left out. */
const visibleText = (html: string) =>
  html
    .replace(/<code>[\s\S]*?<\/code>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

describe('starter articles', () => {
  it('are there in both languages', () => {
    expect(articles.filter((a) => a.locale === 'en').length).toBeGreaterThan(10);
    expect(articles.filter((a) => a.locale === 'zh-CN').length).toBe(articles.filter((a) => a.locale === 'en').length);
  });

  it('name only buttons, tabs and labels the widget has, with exactly its words in that language', () => {
    const unknown: string[] = [];
    let named = 0;
    for (const article of articles) {
      for (const [, name] of `${article.summary}\n${article.body}`.matchAll(QUOTED[article.locale])) {
        named++;
        if (!SHOWN[article.locale].has(name!)) unknown.push(`${article.slug}.${article.locale}: ${name}`);
      }
    }
    expect(unknown).toEqual([]);
    // The articles that explain the widget do name its parts.
    expect(named).toBeGreaterThan(10);
  });

  it('render with no markdown markers left in the text, in both languages', () => {
    for (const article of articles) {
      const text = visibleText(render(article.body));
      expect(text, `${article.slug}.${article.locale}`).not.toMatch(/\*\*|__|~~|\*[^\s*][^*\n]*\*|(?<![\w/])_[^\s_][^_\n]*_(?![\w])|\]\(|^#{1,6} /m);
    }
  });
});
