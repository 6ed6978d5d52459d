// The help articles each user read and still needed help with, per conversation: fetched when a chat opens,
// then kept current by the server's pushes.
import { atom } from 'nanostores';
import type { TriedArticle } from '../../../shared/articles';
import { articleApi } from '../article-api';
import type { AgentLink } from '../transport';

export const $triedArticles = atom<Record<string, TriedArticle[]>>({});

const put = (conversationId: string, articles: TriedArticle[]) => $triedArticles.set({ ...$triedArticles.get(), [conversationId]: articles });

export async function loadTriedArticles(conversationId: string): Promise<void> {
  const result = await articleApi.tried(conversationId);
  if (result.ok) put(conversationId, result.data.articles);
}

export function listenForTriedArticles(link: AgentLink): void {
  link.listen('conversation:articles', ({ conversationId, articles }) => put(conversationId, articles));
}

export const resetTriedArticles = (): void => $triedArticles.set({});
