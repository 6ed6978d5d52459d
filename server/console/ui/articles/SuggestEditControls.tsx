// Under the editor while an agent or supervisor suggests an edit to a published article: the note saying why,
// and sending it for an admin to review (or dropping it).
import { useStore } from '@nanostores/preact';
import { SUGGESTED_EDIT_NOTE_LIMIT } from '../../../../shared/suggested-edits';
import type { ArticleEditor } from '../../state/articles';
import { texts } from '../../i18n/i18n';
import { cancelSuggestingEdit, editNote } from '../../state/suggest-edit';

const editText = texts('edits');

export function SuggestEditControls({ editor }: { editor: ArticleEditor }) {
  const { busy, dirty } = editor;
  const t = useStore(editText);
  return (
    <>
      <label class="suggest-edit-note">
        {t.whyChange}
        <textarea
          rows={2}
          required
          maxLength={SUGGESTED_EDIT_NOTE_LIMIT}
          value={editor.note}
          disabled={busy}
          placeholder={t.notePlaceholder}
          onInput={(e) => editNote(e.currentTarget.value)}
        />
      </label>
      <div class="dialog-actions">
        <button type="button" class="quiet" disabled={busy} onClick={cancelSuggestingEdit}>
          {t.cancel}
        </button>
        <button type="submit" class="primary" disabled={busy || !dirty} aria-busy={busy}>
          {t.send}
        </button>
      </div>
    </>
  );
}
