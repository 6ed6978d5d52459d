// Accessibility checks in the browser tests: axe-core (through @axe-core/playwright) on the page as it is now,
// open shadow roots included (the widget's), against WCAG 2.1 A/AA and axe's best practices. Answers one line
// per violation so a failing expectation says what and where.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Every axe violation on the page (any impact), as "rule (impact): help — where". */
export async function axeViolations(page: Page, options: { include?: string } = {}): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  if (options.include) builder = builder.include(options.include);
  const { violations } = await builder.analyze();
  return violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'unknown'}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => JSON.stringify(n.target))
        .join(', ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}`,
  );
}

/** Fails naming the screen and every violation axe finds on the page now. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await axeViolations(page), `accessibility of ${screen}`).toEqual([]);
}
