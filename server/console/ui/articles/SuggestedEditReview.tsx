// One suggested edit under review, in place of the editor: who suggested it and why, what it changes against the
// article now, and (for admins, while it is pending) Apply or Dismiss.
import { useStore } from '@nanostores/preact';
import { texts } from '../../i18n/i18n';
import { $me } from '../../state/me';
import { $editReview, applySuggestedEdit, closeSuggestedEdit, dismissSuggestedEdit } from '../../state/suggested-edits';
import { formatFull } from '../format';
import { EditDiff } from './EditDiff';
import { EDIT_STATUS_TAG, editStatusLabel } from './suggested-edit-format';

const editText = texts('edits');

export function SuggestedEditReview() {
  const review = useStore($editReview);
  const admin = useStore($me)?.role === 'admin';
  const t = useStore(editText);
  if (!review) return null;
  const { edit, busy } = review;
  const pending = edit.status === 'pending';
  return (
    <section class="article-editor card suggested-edit-review" aria-labelledby="edit-review-title">
      <div class="article-editor-head">
        <h2 id="edit-review-title">
          {t.reviewTitle}
          <span class="article-text" lang={edit.locale}>
            {edit.articleTitle}
          </span>
        </h2>
        <span class={EDIT_STATUS_TAG[edit.status]}>{editStatusLabel(edit.status)}</span>
        <button type="button" class="quiet" onClick={closeSuggestedEdit}>
          {t.close}
        </button>
      </div>
      <p class="muted small">
        {t.suggestedByAt({ name: edit.author.name, time: formatFull(edit.createdAt) })}
        {edit.decidedBy &&
          edit.decidedAt !== null &&
          t.decidedByAt({ status: editStatusLabel(edit.status), name: edit.decidedBy.name, time: formatFull(edit.decidedAt) })}
      </p>
      <p class="suggested-edit-note">
        <strong>{t.why}</strong>
        {edit.note}
      </p>
      {edit.outdated && <p class="alert">{t.outdatedExplain}</p>}
      {edit.current ? <EditDiff current={edit.current} proposed={edit.proposed} lang={edit.locale} /> : <p class="muted">{t.articleGone}</p>}
      <div role="status" class="article-editor-status">
        {review.error && <p class="alert">{review.error}</p>}
        {review.notice && <p class="notice-ok">{review.notice}</p>}
      </div>
      {admin && pending && (
        <div class="dialog-actions">
          <button type="button" class="quiet" disabled={busy} onClick={() => void dismissSuggestedEdit()}>
            {t.dismiss}
          </button>
          <button type="button" class="primary" disabled={busy || edit.outdated} aria-busy={busy} onClick={() => void applySuggestedEdit()}>
            {t.apply}
          </button>
        </div>
      )}
    </section>
  );
}
