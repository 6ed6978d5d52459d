// What a suggested edit changes, against the article as it is now: each changed field old → new, and the body
// as a line diff with long unchanged stretches folded away.
import type { ArticleText } from '../../../../shared/suggested-edits';
import { lineDiff, type DiffLine } from './line-diff';

/** Unchanged lines kept around each change; longer unchanged runs are folded. */
const CONTEXT = 2;

type Row = DiffLine | { kind: 'folded'; count: number };

function fold(lines: DiffLine[]): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < lines.length; ) {
    let end = i;
    while (end < lines.length && lines[end]!.kind === 'same') end++;
    const run = end - i;
    const keepBefore = i === 0 ? 0 : CONTEXT;
    const keepAfter = end === lines.length ? 0 : CONTEXT;
    if (run > keepBefore + keepAfter + 1) {
      rows.push(...lines.slice(i, i + keepBefore), { kind: 'folded', count: run - keepBefore - keepAfter }, ...lines.slice(end - keepAfter, end));
    } else rows.push(...lines.slice(i, end));
    while (end < lines.length && lines[end]!.kind !== 'same') rows.push(lines[end++]!);
    i = end;
  }
  return rows;
}

function FieldChange({ label, before, after }: { label: string; before: string; after: string }) {
  if (before === after) return null;
  return (
    <div class="edit-field-change">
      <span class="edit-field-label">{label}</span>
      <del>
        <span class="sr-only">Removed: </span>
        {before || '(empty)'}
      </del>
      <span aria-hidden="true"> → </span>
      <ins>
        <span class="sr-only">Added: </span>
        {after || '(empty)'}
      </ins>
    </div>
  );
}

export function EditDiff({ current, proposed, lang }: { current: ArticleText; proposed: ArticleText; lang: string }) {
  const body = lineDiff(current.body, proposed.body);
  const bodyChanged = body.some((line) => line.kind !== 'same');
  return (
    <div class="edit-diff" role="region" aria-label="Changes" lang={lang}>
      <FieldChange label="Title" before={current.title} after={proposed.title} />
      <FieldChange label="Summary" before={current.summary} after={proposed.summary} />
      <FieldChange label="Tags" before={current.tags.join(', ')} after={proposed.tags.join(', ')} />
      {bodyChanged ? (
        <ol class="line-diff" aria-label="Changes to the body">
          {fold(body).map((row, i) =>
            row.kind === 'folded' ? (
              <li key={i} class="line-diff-folded">
                … {row.count} unchanged {row.count === 1 ? 'line' : 'lines'} …
              </li>
            ) : row.kind === 'same' ? (
              <li key={i}>{row.text || '\u00a0'}</li>
            ) : row.kind === 'removed' ? (
              <li key={i} class="line-diff-removed">
                <del>
                  <span class="sr-only">Removed: </span>
                  {row.text || '\u00a0'}
                </del>
              </li>
            ) : (
              <li key={i} class="line-diff-added">
                <ins>
                  <span class="sr-only">Added: </span>
                  {row.text || '\u00a0'}
                </ins>
              </li>
            ),
          )}
        </ol>
      ) : (
        <p class="muted small">The body is the same as the article's now.</p>
      )}
    </div>
  );
}
