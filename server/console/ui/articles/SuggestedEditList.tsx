// Suggested edits beside the article list: admins see everyone's (pending ones first), agents and supervisors
// their own and what became of them. Opening one shows it for review in place of the editor.
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import { SUGGESTED_EDIT_STATUSES, type SuggestedEditStatus } from '../../../../shared/suggested-edits';
import { texts } from '../../i18n/i18n';
import { $me } from '../../state/me';
import { $editReview, $suggestedEdits, loadSuggestedEdits, openSuggestedEdit } from '../../state/suggested-edits';
import { formatFull } from '../format';
import { Options } from './Options';
import { EDIT_STATUS_TAG, editStatusLabel } from './suggested-edit-format';
import './suggested-edits.css';

const editText = texts('edits');

export function SuggestedEditList() {
  const list = useStore($suggestedEdits);
  const review = useStore($editReview);
  const admin = useStore($me)?.role === 'admin';
  const t = useStore(editText);
  useEffect(() => void loadSuggestedEdits(admin ? 'pending' : ''), [admin]);
  return (
    <section class="suggested-edit-list card" aria-labelledby="suggested-edits-title">
      <div class="article-list-head">
        <h2 id="suggested-edits-title">{admin ? t.listTitle : t.myListTitle}</h2>
      </div>
      <div class="article-filters">
        <label>
          {t.status}
          <select value={list.status} onChange={(e) => void loadSuggestedEdits(e.currentTarget.value as SuggestedEditStatus | '')}>
            <Options values={SUGGESTED_EDIT_STATUSES} label={editStatusLabel} all />
          </select>
        </label>
      </div>
      {list.error && (
        <p role="alert" class="alert">
          {list.error}
        </p>
      )}
      {list.loading && !list.items.length ? (
        <p class="muted">{t.loading}</p>
      ) : !list.items.length ? (
        <p class="muted small">{admin ? t.noMatch : t.noneYet}</p>
      ) : (
        <ul class="article-items">
          {list.items.map((edit) => (
            <li key={edit.id}>
              <button
                type="button"
                class="article-item"
                aria-current={review?.edit.id === edit.id ? 'true' : undefined}
                onClick={() => void openSuggestedEdit(edit.id)}
              >
                <span class="article-item-title" lang={edit.locale}>
                  {edit.articleTitle}
                </span>
                <span class="article-item-meta">
                  <span class={EDIT_STATUS_TAG[edit.status]}>{editStatusLabel(edit.status)}</span>{' '}
                  {edit.outdated && <span class="tag">{t.outdated}</span>}{' '}
                  <span class="muted small">{t.byAt({ name: edit.author.name, time: formatFull(edit.createdAt) })}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
