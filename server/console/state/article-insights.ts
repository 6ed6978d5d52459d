// Self-service report for supervisors and admins: articles that ended chats before they started, and searches
// that found nothing, over the last few days.
import { atom } from 'nanostores';
import type { ArticleInsights } from '../../../shared/articles';
import { articleApi } from '../article-api';

export interface InsightsState {
  days: number;
  data: ArticleInsights | null;
  loading: boolean;
  error: string | null;
}

export const $articleInsights = atom<InsightsState>({ days: 30, data: null, loading: false, error: null });

export async function loadInsights(days = $articleInsights.get().days): Promise<void> {
  $articleInsights.set({ ...$articleInsights.get(), days, loading: true, error: null });
  const result = await articleApi.insights(days);
  if ($articleInsights.get().days !== days) return;
  $articleInsights.set(
    result.ok ? { days, data: result.data, loading: false, error: null } : { ...$articleInsights.get(), loading: false, error: result.error.message },
  );
}
