// Suggested edits in the Articles section: the list (admins: everyone's, pending first by default; others: their
// own), and the one under review with its diff, which admins apply or dismiss.
import { atom } from 'nanostores';
import type { SuggestedEditDetail, SuggestedEditStatus, SuggestedEditSummary } from '../../../shared/suggested-edits';
import { suggestedEditApi } from '../suggested-edit-api';
import { texts } from '../i18n/i18n';
import { $articleEditor, loadArticles } from './articles';

const editText = texts('edits');

export interface SuggestedEditList {
  status: SuggestedEditStatus | '';
  items: SuggestedEditSummary[];
  loading: boolean;
  error: string | null;
}

export interface EditReview {
  edit: SuggestedEditDetail;
  busy: boolean;
  error: string | null;
  notice: string | null;
}

export const $suggestedEdits = atom<SuggestedEditList>({ status: '', items: [], loading: false, error: null });
export const $editReview = atom<EditReview | null>(null);

// The right-hand pane shows one thing: opening an article closes the review.
$articleEditor.listen((editor) => {
  if (editor) $editReview.set(null);
});

export async function loadSuggestedEdits(status: SuggestedEditStatus | '' = $suggestedEdits.get().status): Promise<void> {
  $suggestedEdits.set({ ...$suggestedEdits.get(), status, loading: true, error: null });
  const result = await suggestedEditApi.list(status);
  if ($suggestedEdits.get().status !== status) return;
  $suggestedEdits.set(
    result.ok
      ? { status, items: result.data, loading: false, error: null }
      : { ...$suggestedEdits.get(), loading: false, error: result.error.message },
  );
}

export async function openSuggestedEdit(id: string): Promise<void> {
  const result = await suggestedEditApi.get(id);
  if (!result.ok) return $suggestedEdits.set({ ...$suggestedEdits.get(), error: result.error.message });
  $articleEditor.set(null);
  $editReview.set({ edit: result.data, busy: false, error: null, notice: null });
}

export const closeSuggestedEdit = (): void => $editReview.set(null);

async function decide(action: 'apply' | 'dismiss', notice: string): Promise<void> {
  const review = $editReview.get();
  if (!review || review.busy) return;
  $editReview.set({ ...review, busy: true, error: null, notice: null });
  const result = await suggestedEditApi[action](review.edit.id);
  // After a refusal the article or the suggestion changed meanwhile: show them as they are now.
  const latest = result.ok ? result : await suggestedEditApi.get(review.edit.id);
  const now = $editReview.get();
  if (now?.edit.id !== review.edit.id) return;
  const edit = latest.ok ? latest.data : now.edit;
  $editReview.set(result.ok ? { edit, busy: false, error: null, notice } : { edit, busy: false, error: result.error.message, notice: null });
  void loadSuggestedEdits();
  if (result.ok && action === 'apply') void loadArticles();
}

export const applySuggestedEdit = (): Promise<void> => decide('apply', editText.get().applied);
export const dismissSuggestedEdit = (): Promise<void> => decide('dismiss', editText.get().dismissed);
