// For the console's zh-CN browser tests: every English word the console itself shows — text, accessible names,
// placeholders, titles, option labels — except what people wrote (chat messages, ticket replies, transcripts, help articles' titles and text),
// anything marked translate="no" or in another language (lang="en", e.g. "English" in the language switch), and
// words that stay as they are in Chinese (priority and tier codes, file types, units, product names, UTC, and
// "Webhook", which Chinese platforms write as it is).
import type { Page } from 'playwright-core';

const KEPT = new Set([
  'CS',
  'Markdown',
  'P1',
  'P2',
  'P3',
  'P4',
  'L1',
  'L2',
  'SDK',
  'SLA',
  'API',
  'REST',
  'PNG',
  'JPEG',
  'GIF',
  'WebP',
  'PDF',
  'CSV',
  'JSON',
  'HAR',
  'KB',
  'MB',
  'ms',
  'UTC',
  'HTTP',
  'Webhook',
  'Ctrl',
  'Enter',
  'Shift',
  'Alt',
  'Esc',
]);

/** What people wrote, shown as written: never translated. */
const WRITTEN = [
  '.msg-text',
  '.article-preview',
  '.article-text',
  '.article-item-title',
  '.timeline-text:not(.timeline-text--history)',
  '.ticket-description',
  '.rating-comment',
  'code',
  'textarea',
];

/** Latin words in the console page (light DOM) no Chinese reader should see; `names` are people, places and data in the test. */
export async function consoleEnglishLeft(page: Page, names: string[] = []): Promise<string[]> {
  const texts = await page.evaluate((written) => {
    const skip = ['style', 'script', 'noscript', 'template', '[translate="no"]', '[lang]:not([lang^="zh"]):not(html)', '[hidden]', ...written].join(
      ', ',
    );
    const skipped = (element: Element | null) => !element || !!element.closest(skip);
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (!skipped(node.parentElement) && node.textContent?.trim()) found.push(node.textContent.trim());
    }
    for (const element of document.body.querySelectorAll('*')) {
      // A text box's placeholder and name are ours even though what is typed into it is not; but translate="no"
      // and another language cover the element's own title and names too (as in HTML's translate attribute).
      if (element.closest('[translate="no"], [lang]:not([lang^="zh"]):not(html)') || (element.parentElement && skipped(element.parentElement)))
        continue;
      for (const name of ['aria-label', 'placeholder', 'title', 'alt', 'label']) {
        const value = element.getAttribute(name);
        if (value) found.push(value);
      }
    }
    found.push(document.title);
    return found;
  }, WRITTEN);
  const allowed = new Set([...KEPT, ...names]);
  // {name} and {agent} in canned replies are placeholders agents type as they are, in every language.
  return texts.flatMap((text) =>
    (text.replace(/\{\w+\}/g, '').match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !allowed.has(word)).map((word) => `${word} in “${text}”`),
  );
}
