// Under the editor while an agent or supervisor suggests an edit to a published article: the note saying why,
// and sending it for an admin to review (or dropping it).
import { SUGGESTED_EDIT_NOTE_LIMIT } from '../../../../shared/suggested-edits';
import type { ArticleEditor } from '../../state/articles';
import { cancelSuggestingEdit, editNote } from '../../state/suggest-edit';

export function SuggestEditControls({ editor }: { editor: ArticleEditor }) {
  const { busy, dirty } = editor;
  return (
    <>
      <label class="suggest-edit-note">
        Why this change
        <textarea
          rows={2}
          required
          maxLength={SUGGESTED_EDIT_NOTE_LIMIT}
          value={editor.note}
          disabled={busy}
          placeholder="e.g. Three teachers this week had the Freeze button on; the article does not mention it."
          onInput={(e) => editNote(e.currentTarget.value)}
        />
      </label>
      <div class="dialog-actions">
        <button type="button" class="quiet" disabled={busy} onClick={cancelSuggestingEdit}>
          Cancel
        </button>
        <button type="submit" class="primary" disabled={busy || !dirty} aria-busy={busy}>
          Send suggestion
        </button>
      </div>
    </>
  );
}
