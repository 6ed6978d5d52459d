// Beside the reply box: search the help articles while answering and put a link to one into the reply.
import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { articleLink } from '../../article-api';
import { $articlePicker, resetArticlePicker, searchArticles } from '../../state/article-picker';
import { $drafts } from '../../state/drafts';
import type { ComposerToolProps } from '../chat-slot-props';
import { localeLabel } from './article-format';
import { texts } from '../../i18n/i18n';

const workspaceText = texts('workspace');

export function ArticlePicker({ conversation, insert }: ComposerToolProps) {
  const [open, setOpen] = useState(false);
  const picker = useStore($articlePicker);
  const t = useStore(workspaceText);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) field.current?.focus();
    else resetArticlePicker();
  }, [open]);
  const settled = picker.answered === picker.query && picker.query.trim() !== '';

  return (
    <div class="article-picker">
      <button type="button" class="quiet" aria-expanded={open} aria-controls="article-picker" onClick={() => setOpen(!open)}>
        {t.helpArticle}
      </button>
      {open && (
        <div
          id="article-picker"
          class="article-picker-popover card"
          role="dialog"
          aria-label={t.insertArticle}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false);
          }}
        >
          <label>
            {t.searchArticles}
            <input
              ref={field}
              type="search"
              value={picker.query}
              placeholder={t.searchPlaceholder}
              onInput={(e) => searchArticles(e.currentTarget.value)}
            />
          </label>
          {picker.error && (
            <p role="alert" class="alert">
              {picker.error}
            </p>
          )}
          <ul class="article-picker-hits" aria-live="polite">
            {picker.hits.map((hit) => (
              <li key={hit.id}>
                <span class="article-text" lang={hit.locale}>
                  {hit.title}
                </span>{' '}
                <span class="tag" lang={hit.locale}>
                  {localeLabel(hit.locale)}
                </span>
                <button
                  type="button"
                  aria-label={t.insertLinkTo({ title: hit.title })}
                  onClick={() => {
                    // A space before the link unless the reply is empty or already ends in one.
                    const draft = $drafts.get()[conversation.id] ?? '';
                    insert(`${/\S$/.test(draft) ? ' ' : ''}${hit.title}: ${articleLink(hit)}`);
                    setOpen(false);
                  }}
                >
                  {t.insertLink}
                </button>
              </li>
            ))}
          </ul>
          {settled && !picker.hits.length && <p class="muted small">{t.noArticle}</p>}
        </div>
      )}
    </div>
  );
}
