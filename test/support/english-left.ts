// For the zh-CN browser tests: every English word the widget shows — visible text, accessible names,
// placeholders, titles — except what people wrote or named (marked translate="no"), content in another language
// (lang="en"), an article's body (what its author wrote: product names like Safari or Zoom), and a few words that stay as they are in Chinese (file types, units, ticket prefixes).
import type { Page } from 'playwright-core';

const KEPT = new Set(['CS', 'PNG', 'JPEG', 'GIF', 'WebP', 'PDF', 'JSON', 'HAR', 'KB', 'MB', 'Mbit', 'Wi', 'Fi', 'ms']);

/** Latin words in the widget's shadow DOM that no Chinese reader should see; `names` are people and places in the test. */
export async function englishLeft(page: Page, names: string[] = []): Promise<string[]> {
  const texts = await page.locator('classroom-support').evaluate((host) => {
    const root = host.shadowRoot as ShadowRoot;
    const skipped = (element: Element | null) =>
      !element || !!element.closest('style, [translate="no"], .cs-article-body') || !!element.closest('[lang]:not([lang^="zh"])');
    const found: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (!skipped(node.parentElement) && node.textContent?.trim()) found.push(node.textContent.trim());
    }
    for (const element of root.querySelectorAll('*')) {
      if (skipped(element)) continue;
      for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = element.getAttribute(name);
        if (value) found.push(value);
      }
    }
    return found;
  });
  const allowed = new Set([...KEPT, ...names]);
  return texts.flatMap((text) => (text.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !allowed.has(word)).map((word) => `${word} in “${text}”`));
}
