// The help-article part of the Store contract; storeContract() runs it against every store implementation.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article, ArticleFeedback } from '../../server/domain/articles/article-store';
import type { Store } from '../../server/domain/ports';
import { aConversation, anAgent, anEndUser, anOrganisation } from '../support/records';
import type { StoreHarness } from './store-contract';

export const anArticle = (over: Partial<Article> = {}): Article => ({
  id: randomUUID(),
  slug: `slug-${randomUUID().slice(0, 8)}`,
  locale: 'en',
  title: 'Microphone permission',
  summary: 'Allow the microphone',
  tags: ['microphone', 'featured'],
  body: '## Steps\n\nAllow it.',
  status: 'published',
  authorId: null,
  createdAt: 1_000,
  updatedAt: 1_000,
  publishedAt: 1_000,
  ...over,
});

export function articlesContract(harness: StoreHarness): void {
  describe('articles', () => {
    let store: Store;
    beforeEach(async () => {
      store = await harness.open();
    });
    afterEach(async () => {
      await harness.dispose(store);
    });

    async function aVisitor() {
      const org = await store.createOrganisation(anOrganisation());
      const user = await store.createEndUser(anEndUser(org.id));
      return { org, user };
    }

    const feedback = (user: { id: string; organisationId: string }, articleId: string, over: Partial<ArticleFeedback> = {}): ArticleFeedback => ({
      id: randomUUID(),
      clientId: randomUUID(),
      articleId,
      endUserId: user.id,
      organisationId: user.organisationId,
      outcome: 'escalated',
      conversationId: null,
      createdAt: 5_000,
      ...over,
    });

    it('keeps an article whole and finds it by id and by slug and locale', async () => {
      const agent = await store.createAgent(anAgent());
      const article = anArticle({ authorId: agent.id, tags: ['audio', 'sound'], body: '老师听不到我的声音\n\n| a | b |' });
      expect(await store.createArticle(article)).toBe(true);
      expect(await store.getArticle(article.id)).toEqual(article);
      expect(await store.findArticle(article.slug, 'en')).toEqual(article);
      expect(await store.findArticle(article.slug, 'zh-CN')).toBeNull();
      expect(await store.getArticle(randomUUID())).toBeNull();
    });

    it('allows one article per slug and locale', async () => {
      const article = anArticle();
      await store.createArticle(article);
      expect(await store.createArticle(anArticle({ slug: article.slug }))).toBe(false);
      expect(await store.createArticle(anArticle({ slug: article.slug, locale: 'zh-CN' }))).toBe(true);
    });

    it('lists articles newest first, filtered by status, locale and author', async () => {
      const agent = await store.createAgent(anAgent());
      const old = anArticle({ updatedAt: 1 });
      const draft = anArticle({ status: 'draft', updatedAt: 2 });
      const suggestion = anArticle({ status: 'suggested', authorId: agent.id, locale: 'zh-CN', updatedAt: 3 });
      for (const a of [old, draft, suggestion]) await store.createArticle(a);
      expect((await store.listArticles({})).map((a) => a.id)).toEqual([suggestion.id, draft.id, old.id]);
      expect(await store.listArticles({ status: 'published' })).toEqual([old]);
      expect(await store.listArticles({ locale: 'zh-CN' })).toEqual([suggestion]);
      expect(await store.listArticles({ authorId: agent.id, status: 'suggested' })).toEqual([suggestion]);
    });

    it('saves only over the version the editor started from', async () => {
      const article = anArticle();
      await store.createArticle(article);
      const edited = { ...article, title: 'Edited', updatedAt: 2_000 };
      expect(await store.saveArticle(edited, 1_000)).toBe('saved');
      expect(await store.saveArticle({ ...article, title: 'Lost update', updatedAt: 2_001 }, 1_000)).toBe('stale');
      expect(await store.getArticle(article.id)).toEqual(edited);
      expect(await store.saveArticle(anArticle(), 1_000)).toBe('missing');
      const other = anArticle();
      await store.createArticle(other);
      expect(await store.saveArticle({ ...edited, slug: other.slug, updatedAt: 3_000 }, 2_000)).toBe('duplicate');
      expect((await store.getArticle(article.id))?.slug).toBe(article.slug);
    });

    it('changes its stamp on every create, save and delete', async () => {
      const older = anArticle({ updatedAt: 500 });
      await store.createArticle(older);
      const stamps = [await store.articleChangeStamp()];
      const article = anArticle();
      await store.createArticle(article);
      stamps.push(await store.articleChangeStamp());
      await store.saveArticle({ ...article, updatedAt: 9_000 }, 1_000);
      stamps.push(await store.articleChangeStamp());
      expect(await store.deleteArticle(older.id)).toBe(true);
      expect(await store.deleteArticle(older.id)).toBe(false);
      stamps.push(await store.articleChangeStamp());
      expect(new Set(stamps).size).toBe(4);
    });

    it('seeds a starter article once, even after it was deleted, and never over an existing one', async () => {
      const starter = anArticle();
      expect(await store.seedArticle(starter)).toBe(true);
      expect(await store.seedArticle({ ...starter, id: randomUUID() })).toBe(false);
      await store.deleteArticle(starter.id);
      expect(await store.seedArticle({ ...starter, id: randomUUID() })).toBe(false);
      expect(await store.findArticle(starter.slug, starter.locale)).toBeNull();

      const written = anArticle();
      await store.createArticle(written);
      expect(await store.seedArticle({ ...written, id: randomUUID(), title: 'Starter' })).toBe(false);
      expect((await store.findArticle(written.slug, written.locale))?.title).toBe(written.title);
    });

    it('records an answer once per client id and attaches unattached escalations to a chat', async () => {
      const { org, user } = await aVisitor();
      const article = anArticle();
      await store.createArticle(article);
      const first = feedback(user, article.id, { createdAt: 4_000 });
      expect(await store.recordArticleFeedback(first)).toEqual({ feedback: first, created: true });
      expect(await store.recordArticleFeedback({ ...first, id: randomUUID(), outcome: 'deflected' })).toEqual({ feedback: first, created: false });
      const stale = feedback(user, article.id, { createdAt: 100 });
      const helped = feedback(user, article.id, { outcome: 'deflected' });
      await store.recordArticleFeedback(stale);
      await store.recordArticleFeedback(helped);

      const { conversation } = await store.createConversation(aConversation(org.id, user.id));
      const attached = await store.attachEscalations(user.id, conversation.id, 1_000);
      expect(attached).toEqual([{ ...first, conversationId: conversation.id }]);
      expect(await store.attachEscalations(user.id, conversation.id, 1_000)).toEqual([]);
      expect(await store.listConversationFeedback(conversation.id)).toEqual([{ ...first, conversationId: conversation.id }]);
    });

    it('counts outcomes per article from a point in time', async () => {
      const { user } = await aVisitor();
      const a = anArticle();
      const b = anArticle();
      await store.createArticle(a);
      await store.createArticle(b);
      await store.recordArticleFeedback(feedback(user, a.id, { outcome: 'deflected', createdAt: 10 }));
      await store.recordArticleFeedback(feedback(user, a.id, { outcome: 'deflected', createdAt: 20 }));
      await store.recordArticleFeedback(feedback(user, a.id, { outcome: 'escalated', createdAt: 20 }));
      await store.recordArticleFeedback(feedback(user, b.id, { outcome: 'helpful', createdAt: 1 }));
      const counts = await store.countArticleOutcomes(5);
      expect(counts.sort((x, y) => x.outcome.localeCompare(y.outcome))).toEqual([
        { articleId: a.id, outcome: 'deflected', count: 2 },
        { articleId: a.id, outcome: 'escalated', count: 1 },
      ]);
    });

    it('keeps searches that found nothing and lists the newest', async () => {
      for (let i = 0; i < 5; i++) {
        await store.recordSearchMiss({ id: randomUUID(), source: 'widget', searcherId: 'u', query: `q${i}`, locale: 'zh-CN', createdAt: i * 10 });
      }
      const listed = await store.listSearchMisses(10, 3);
      expect(listed.map((m) => m.query)).toEqual(['q4', 'q3', 'q2']);
      expect(listed[0]).toMatchObject({ source: 'widget', searcherId: 'u', locale: 'zh-CN', createdAt: 40 });
    });
  });
}
