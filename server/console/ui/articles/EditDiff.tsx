// What a suggested edit changes, against the article as it is now: each changed field old → new, and the body
// as a line diff with long unchanged stretches folded away.
import { useStore } from '@nanostores/preact';
import type { ArticleText } from '../../../../shared/suggested-edits';
import { texts } from '../../i18n/i18n';
import { lineDiff, type DiffLine } from './line-diff';

/** Unchanged lines kept around each change; longer unchanged runs are folded. */
const CONTEXT = 2;

const editText = texts('edits');

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

function FieldChange({ label, before, after, lang }: { label: string; before: string; after: string; lang: string }) {
  const t = useStore(editText);
  if (before === after) return null;
  return (
    <div class="edit-field-change">
      <span class="edit-field-label">{label}</span>
      <del>
        <span class="sr-only">{t.removed}</span>
        {before ? (
          <span class="article-text" lang={lang}>
            {before}
          </span>
        ) : (
          t.empty
        )}
      </del>
      <span aria-hidden="true"> → </span>
      <ins>
        <span class="sr-only">{t.added}</span>
        {after ? (
          <span class="article-text" lang={lang}>
            {after}
          </span>
        ) : (
          t.empty
        )}
      </ins>
    </div>
  );
}

/** One line of the article's body, in the article's language (the labels around it are in the agent's). */
const Line = ({ text, lang }: { text: string; lang: string }) => (
  <span class="article-text" lang={lang}>
    {text || '\u00a0'}
  </span>
);

export function EditDiff({ current, proposed, lang }: { current: ArticleText; proposed: ArticleText; lang: string }) {
  const t = useStore(editText);
  const body = lineDiff(current.body, proposed.body);
  const bodyChanged = body.some((line) => line.kind !== 'same');
  return (
    <section class="edit-diff" aria-label={t.changes}>
      <FieldChange lang={lang} label={t.title} before={current.title} after={proposed.title} />
      <FieldChange lang={lang} label={t.summary} before={current.summary} after={proposed.summary} />
      <FieldChange lang={lang} label={t.tags} before={current.tags.join(', ')} after={proposed.tags.join(', ')} />
      {bodyChanged ? (
        <ol class="line-diff" aria-label={t.bodyChanges}>
          {fold(body).map((row, i) =>
            row.kind === 'folded' ? (
              <li key={i} class="line-diff-folded">
                {row.count === 1 ? t.foldedOne : t.foldedMany({ count: row.count })}
              </li>
            ) : row.kind === 'same' ? (
              <li key={i}>
                <Line text={row.text} lang={lang} />
              </li>
            ) : row.kind === 'removed' ? (
              <li key={i} class="line-diff-removed">
                <del>
                  <span class="sr-only">{t.removed}</span>
                  <Line text={row.text} lang={lang} />
                </del>
              </li>
            ) : (
              <li key={i} class="line-diff-added">
                <ins>
                  <span class="sr-only">{t.added}</span>
                  <Line text={row.text} lang={lang} />
                </ins>
              </li>
            ),
          )}
        </ol>
      ) : (
        <p class="muted small">{t.bodySame}</p>
      )}
    </section>
  );
}
