// The console's calls for suggested edits to published articles (docs/api.md, "Suggested edits").
import type { SuggestEditInput } from '../../shared/suggested-edit-schemas';
import type { SuggestedEditDetail, SuggestedEditStatus, SuggestedEditSummary } from '../../shared/suggested-edits';
import { call } from './api';

const BASE = '/api/articles/suggested-edits';

export const suggestedEditApi = {
  suggest: (articleId: string, input: SuggestEditInput) => call<SuggestedEditDetail>('POST', `/api/articles/${articleId}/suggested-edits`, input),
  list: (status: SuggestedEditStatus | '') => call<SuggestedEditSummary[]>('GET', status ? `${BASE}?status=${status}` : BASE),
  get: (id: string) => call<SuggestedEditDetail>('GET', `${BASE}/${id}`),
  apply: (id: string) => call<SuggestedEditDetail>('POST', `${BASE}/${id}/apply`),
  dismiss: (id: string) => call<SuggestedEditDetail>('POST', `${BASE}/${id}/dismiss`),
};
