// For the zh-CN browser tests: every English word the widget shows — visible text, accessible names,
// placeholders, titles — in EVERY shadow root of the page (the panel, the connection notice, the rating card, and
// any root a later feature adds, nested ones included), except what people wrote or named (marked
// translate="no"), content in another language (lang="en"), an article's body (what its author wrote: product
// names like Safari or Zoom), and a few words that stay as they are in Chinese (file types, units, ticket prefixes).
// The host page itself (light DOM) is the host's, not ours, and is not scanned.
import type { Page } from 'playwright-core';

/** Kept as they are in Chinese too; GMT and UTC are what Intl writes for a time zone's offset in zh-CN (GMT-5). */
const KEPT = new Set(['CS', 'PNG', 'JPEG', 'GIF', 'WebP', 'PDF', 'JSON', 'HAR', 'KB', 'MB', 'Mbit', 'Wi', 'Fi', 'ms', 'GMT', 'UTC']);

export interface ShadowTexts {
  /** The tag name of each shadow root's host, outermost first, e.g. "classroom-support-rating". */
  hosts: string[];
  texts: string[];
}

/** Every text, accessible name, placeholder, title and alt inside every open shadow root of the page. */
export async function shadowTexts(page: Page): Promise<ShadowTexts> {
  return page.evaluate(() => {
    const skipped = (element: Element | null) =>
      !element || !!element.closest('style, script, [translate="no"], .cs-article-body') || !!element.closest('[lang]:not([lang^="zh"])');
    const hosts: string[] = [];
    const texts: string[] = [];
    const roots: ShadowRoot[] = [];
    const findRoots = (from: Document | ShadowRoot) => {
      for (const element of from.querySelectorAll('*')) {
        if (element.shadowRoot) {
          hosts.push(element.tagName.toLowerCase());
          roots.push(element.shadowRoot);
          findRoots(element.shadowRoot);
        }
      }
    };
    findRoots(document);
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode;
        if (!skipped(node.parentElement) && node.textContent?.trim()) texts.push(node.textContent.trim());
      }
      for (const element of root.querySelectorAll('*')) {
        if (skipped(element)) continue;
        for (const name of ['aria-label', 'aria-description', 'placeholder', 'title', 'alt', 'aria-valuetext']) {
          const value = element.getAttribute(name);
          if (value) texts.push(value);
        }
      }
    }
    return { hosts, texts };
  });
}

/** Latin words in the page's shadow roots that no Chinese reader should see; `names` are people and places in the test. */
export async function englishLeft(page: Page, names: string[] = []): Promise<string[]> {
  const { texts } = await shadowTexts(page);
  const allowed = new Set([...KEPT, ...names]);
  return texts.flatMap((text) => (text.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !allowed.has(word)).map((word) => `${word} in “${text}”`));
}
