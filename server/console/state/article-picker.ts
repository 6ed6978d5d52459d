// Searching help articles while answering a chat, to paste a link into the reply.
import { atom } from 'nanostores';
import type { ArticleHit } from '../../../shared/articles';
import { articleApi } from '../article-api';

const TYPING_PAUSE_MS = 250;

export interface PickerState {
  query: string;
  hits: ArticleHit[];
  /** The query the hits answer; differs from `query` while a search is on its way. */
  answered: string;
  error: string | null;
}

export const $articlePicker = atom<PickerState>({ query: '', hits: [], answered: '', error: null });

let pause: ReturnType<typeof setTimeout> | undefined;

export function searchArticles(query: string): void {
  clearTimeout(pause);
  $articlePicker.set({ ...$articlePicker.get(), query, error: null });
  const q = query.trim();
  if (!q) return $articlePicker.set({ query, hits: [], answered: '', error: null });
  pause = setTimeout(async () => {
    const result = await articleApi.search(q);
    if ($articlePicker.get().query !== query) return;
    $articlePicker.set(
      result.ok ? { query, hits: result.data, answered: query, error: null } : { ...$articlePicker.get(), error: result.error.message },
    );
  }, TYPING_PAUSE_MS);
}

export const resetArticlePicker = (): void => {
  clearTimeout(pause);
  $articlePicker.set({ query: '', hits: [], answered: '', error: null });
};
