// No new English in the console's components, nor the widget's: every JSX text and every accessible name, title,
// placeholder or label written as a literal in server/console/ui or widget/ must come from the dictionaries instead. Sections not yet
// moved to the dictionaries are listed in PENDING (issue 10); the list only shrinks: a listed file that is clean
// fails too, so it gets taken off.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const UI = join(__dirname, '../../server/console/ui');
const WIDGET = join(__dirname, '../../widget');
const NAMED = new Set(['aria-label', 'title', 'placeholder', 'label', 'alt']);
const WORDS = /[A-Za-z]{2,}/;
/** Key names in shortcut titles (Alt+T) are the same in every language. */
const KEYS = /\b(Alt|Ctrl|Shift)\+\w+/g;

/** Files still written in English (relative to server/console/ui), to move to the dictionaries. */
const PENDING = new Set<string>([]);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? tsxFiles(join(dir, entry.name)) : entry.name.endsWith('.tsx') ? [join(dir, entry.name)] : [],
  );
}

/** English written straight into a component: JSX text, and literal names, titles, placeholders and labels. */
function englishIn(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && NAMED.has(node.name.getText(source)) && node.initializer) {
      const value = node.initializer;
      const expression = ts.isJsxExpression(value) ? value.expression : value;
      // Plain literals, and the fixed parts of a template (`Rating: ${score}`).
      const text =
        expression && ts.isStringLiteralLike(expression)
          ? expression.text
          : expression && ts.isTemplateExpression(expression)
            ? [expression.head.text, ...expression.templateSpans.map((span) => span.literal.text)].join(' ')
            : '';
      if (WORDS.test(text.replace(KEYS, ''))) found.push(`${node.name.getText(source)}="${text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('console components', () => {
  const files = tsxFiles(UI).map((file) => ({ name: relative(UI, file).split('\\').join('/'), english: englishIn(file) }));

  it('write no English of their own outside the pending sections', () => {
    const offenders = files.filter((f) => !PENDING.has(f.name) && f.english.length > 0).map((f) => `${f.name}: ${f.english.join(' | ')}`);
    expect(offenders).toEqual([]);
  });

  it('keep the pending list honest: every file on it still has English to move', () => {
    expect(files.filter((f) => PENDING.has(f.name) && f.english.length === 0).map((f) => f.name)).toEqual([]);
    expect([...PENDING].filter((name) => !files.some((f) => f.name === name))).toEqual([]);
  });

  it('leaves none in the widget either (its dictionaries are widget/i18n and widget/tickets/i18n)', () => {
    const widget = tsxFiles(WIDGET).map((file) => ({ name: relative(WIDGET, file), english: englishIn(file) }));
    expect(widget.length).toBeGreaterThan(10);
    expect(widget.filter((f) => f.english.length > 0).map((f) => `${f.name}: ${f.english.join(' | ')}`)).toEqual([]);
  });

  it('finds English in a component written without the dictionaries, and not in one written with them', () => {
    const names = (name: string) => files.find((f) => f.name === name)?.english ?? [];
    // A component as it would be written without them (every kind of English the check knows), beside real ones.
    const written = `export const Form = () => (
      <form aria-label="Policy" title={\`Saved by \${name}\`}>
        <input placeholder="e.g. LMS sync" title="Alt+T" />
        <button>Save policy</button>
      </form>
    );`;
    expect(englishIn('Form.tsx', written)).toEqual(['aria-label="Policy"', 'title="Saved by  "', 'placeholder="e.g. LMS sync"', 'Save policy']);
    expect(names('tickets/TicketSettings.tsx')).toEqual([]);
    expect(names('tickets/TicketView.tsx')).toEqual([]);
  });
});
