// The console's calls to the help-article REST API (docs/api.md, "Help articles").
import type { ArticleInput } from '../../shared/article-schemas';
import type {
  ArticleDetail,
  ArticleHit,
  ArticleInsights,
  ArticleLocale,
  ArticleStatus,
  ArticleSummary,
  ConversationArticles,
} from '../../shared/articles';
import { call } from './api';

const query = (params: Record<string, string | number | undefined>): string => {
  const set = Object.entries(params).filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '');
  return set.length ? `?${new URLSearchParams(set.map(([k, v]) => [k, String(v)]))}` : '';
};

export const articleApi = {
  list: (filter: { status?: ArticleStatus; locale?: ArticleLocale }) => call<ArticleSummary[]>('GET', `/api/articles${query(filter)}`),
  get: (id: string) => call<ArticleDetail>('GET', `/api/articles/${id}`),
  create: (input: ArticleInput) => call<ArticleDetail>('POST', '/api/articles', input),
  update: (id: string, input: ArticleInput, expectedUpdatedAt: number) =>
    call<ArticleDetail>('PUT', `/api/articles/${id}`, { ...input, expectedUpdatedAt }),
  publish: (id: string, expectedUpdatedAt: number) => call<ArticleDetail>('POST', `/api/articles/${id}/publish`, { expectedUpdatedAt }),
  unpublish: (id: string, expectedUpdatedAt: number) => call<ArticleDetail>('POST', `/api/articles/${id}/unpublish`, { expectedUpdatedAt }),
  remove: (id: string) => call<null>('DELETE', `/api/articles/${id}`),
  preview: (body: string) => call<{ html: string }>('POST', '/api/articles/preview', { body }),
  search: (q: string) => call<ArticleHit[]>('GET', `/api/articles/search${query({ q })}`),
  insights: (days: number) => call<ArticleInsights>('GET', `/api/articles/insights${query({ days })}`),
  tried: (conversationId: string) => call<ConversationArticles>('GET', `/api/conversations/${conversationId}/articles`),
};

/** The public address of an article, as pasted into a reply. */
export const articleLink = (hit: Pick<ArticleHit, 'slug' | 'locale'>): string => `${location.origin}/help/${hit.slug}?lang=${hit.locale}`;
