// One suggested edit under review, in place of the editor: who suggested it and why, what it changes against the
// article now, and (for admins, while it is pending) Apply or Dismiss.
import { useStore } from '@nanostores/preact';
import { $me } from '../../state/me';
import { $editReview, applySuggestedEdit, closeSuggestedEdit, dismissSuggestedEdit } from '../../state/suggested-edits';
import { formatFull } from '../format';
import { EditDiff } from './EditDiff';
import { EDIT_STATUS_LABEL, EDIT_STATUS_TAG } from './suggested-edit-format';

export function SuggestedEditReview() {
  const review = useStore($editReview);
  const admin = useStore($me)?.role === 'admin';
  if (!review) return null;
  const { edit, busy } = review;
  const pending = edit.status === 'pending';
  return (
    <section class="article-editor card suggested-edit-review" aria-labelledby="edit-review-title">
      <div class="article-editor-head">
        <h2 id="edit-review-title">
          Suggested edit: <span lang={edit.locale}>{edit.articleTitle}</span>
        </h2>
        <span class={EDIT_STATUS_TAG[edit.status]}>{EDIT_STATUS_LABEL[edit.status]}</span>
        <button type="button" class="quiet" onClick={closeSuggestedEdit}>
          Close
        </button>
      </div>
      <p class="muted small">
        Suggested by {edit.author.name} · {formatFull(edit.createdAt)}
        {edit.decidedBy && edit.decidedAt !== null && ` · ${EDIT_STATUS_LABEL[edit.status]} by ${edit.decidedBy.name} · ${formatFull(edit.decidedAt)}`}
      </p>
      <p class="suggested-edit-note">
        <strong>Why: </strong>
        {edit.note}
      </p>
      {edit.outdated && (
        <p class="alert">
          The article was edited after this suggestion was written, so it can no longer be applied: that would undo the newer edit. Dismiss it, or
          make the change in the article yourself.
        </p>
      )}
      {edit.current ? (
        <EditDiff current={edit.current} proposed={edit.proposed} lang={edit.locale} />
      ) : (
        <p class="muted">The article no longer exists.</p>
      )}
      <div role="status" class="article-editor-status">
        {review.error && <p class="alert">{review.error}</p>}
        {review.notice && <p class="notice-ok">{review.notice}</p>}
      </div>
      {admin && pending && (
        <div class="dialog-actions">
          <button type="button" class="quiet" disabled={busy} onClick={() => void dismissSuggestedEdit()}>
            Dismiss
          </button>
          <button type="button" class="primary" disabled={busy || edit.outdated} aria-busy={busy} onClick={() => void applySuggestedEdit()}>
            Apply
          </button>
        </div>
      )}
    </section>
  );
}
