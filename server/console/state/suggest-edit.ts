// An agent or supervisor suggesting an edit to a published article: the editor's form, prefilled with the
// article's text, becomes the proposal, with a note why. The article itself does not change.
import { $articleEditor, inputOf, showArticle } from './articles';
import { loadSuggestedEdits } from './suggested-edits';
import { suggestedEditApi } from '../suggested-edit-api';
import { texts } from '../i18n/i18n';

const editText = texts('edits');

export function startSuggestingEdit(): void {
  const editor = $articleEditor.get();
  if (editor?.saved?.status !== 'published') return;
  $articleEditor.set({ ...editor, suggesting: true, note: '', error: null, notice: null });
}

/** Back to the article as published, dropping the proposed text. */
export function cancelSuggestingEdit(): void {
  const saved = $articleEditor.get()?.saved;
  if (saved) showArticle(saved);
}

export function editNote(note: string): void {
  const editor = $articleEditor.get();
  if (editor) $articleEditor.set({ ...editor, note });
}

export async function sendSuggestedEdit(): Promise<void> {
  const editor = $articleEditor.get();
  if (!editor?.saved || !editor.suggesting || editor.busy) return;
  const { saved, form, note } = editor;
  $articleEditor.set({ ...editor, busy: true, error: null, notice: null });
  const { title, summary, tags, body } = inputOf(form);
  const result = await suggestedEditApi.suggest(saved.id, { title, summary, tags, body, note, expectedUpdatedAt: saved.updatedAt });
  if (!result.ok) {
    const now = $articleEditor.get();
    if (now) $articleEditor.set({ ...now, busy: false, error: result.error.message });
    return;
  }
  showArticle(saved, editText.get().sent);
  void loadSuggestedEdits();
}
