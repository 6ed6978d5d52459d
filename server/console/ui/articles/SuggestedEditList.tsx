// Suggested edits beside the article list: admins see everyone's (pending ones first), agents and supervisors
// their own and what became of them. Opening one shows it for review in place of the editor.
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import { SUGGESTED_EDIT_STATUSES, type SuggestedEditStatus } from '../../../../shared/suggested-edits';
import { $me } from '../../state/me';
import { $editReview, $suggestedEdits, loadSuggestedEdits, openSuggestedEdit } from '../../state/suggested-edits';
import { formatFull } from '../format';
import { Options } from './Options';
import { EDIT_STATUS_LABEL, EDIT_STATUS_TAG } from './suggested-edit-format';
import './suggested-edits.css';

export function SuggestedEditList() {
  const list = useStore($suggestedEdits);
  const review = useStore($editReview);
  const admin = useStore($me)?.role === 'admin';
  useEffect(() => void loadSuggestedEdits(admin ? 'pending' : ''), [admin]);
  return (
    <section class="suggested-edit-list card" aria-labelledby="suggested-edits-title">
      <div class="article-list-head">
        <h2 id="suggested-edits-title">{admin ? 'Suggested edits' : 'My suggested edits'}</h2>
      </div>
      <div class="article-filters">
        <label>
          Status
          <select value={list.status} onChange={(e) => void loadSuggestedEdits(e.currentTarget.value as SuggestedEditStatus | '')}>
            <Options values={SUGGESTED_EDIT_STATUSES} labels={EDIT_STATUS_LABEL} all />
          </select>
        </label>
      </div>
      {list.error && (
        <p role="alert" class="alert">
          {list.error}
        </p>
      )}
      {list.loading && !list.items.length ? (
        <p class="muted">Loading…</p>
      ) : !list.items.length ? (
        <p class="muted small">
          {admin ? 'No suggested edits match.' : 'None yet. To propose a change, open a published article and choose “Suggest an edit”.'}
        </p>
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
                  <span class={EDIT_STATUS_TAG[edit.status]}>{EDIT_STATUS_LABEL[edit.status]}</span>{' '}
                  {edit.outdated && <span class="tag">Outdated</span>}{' '}
                  <span class="muted small">
                    by {edit.author.name} · {formatFull(edit.createdAt)}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
