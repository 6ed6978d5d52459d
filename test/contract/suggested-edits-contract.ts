// The suggested-edit part of the Store contract; storeContract() runs it against every store implementation.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../server/domain/articles/article-store';
import type { SuggestedEdit } from '../../server/domain/articles/suggested-edit-store';
import type { Agent } from '../../server/domain/records';
import type { Store } from '../../server/domain/ports';
import { anAgent } from '../support/records';
import { anArticle } from './articles-contract';
import type { StoreHarness } from './store-contract';

export function suggestedEditsContract(harness: StoreHarness): void {
  describe('suggested article edits', () => {
    let store: Store;
    let author: Agent;
    let admin: Agent;
    let article: Article;
    beforeEach(async () => {
      store = await harness.open();
      author = await store.createAgent(anAgent());
      admin = await store.createAgent(anAgent({ role: 'admin' }));
      article = anArticle({ title: 'Weak network', body: 'Move closer to the router.' });
      await store.createArticle(article);
    });
    afterEach(async () => {
      await harness.dispose(store);
    });

    const anEdit = (over: Partial<SuggestedEdit> = {}): SuggestedEdit => ({
      id: randomUUID(),
      articleId: article.id,
      slug: article.slug,
      locale: article.locale,
      baseUpdatedAt: article.updatedAt,
      proposed: { title: '网络不好时怎么办', summary: 'Steps', tags: ['network', 'wifi'], body: 'Use a cable.\n\n| a | b |' },
      note: 'Cables beat Wi-Fi',
      authorId: author.id,
      createdAt: 2_000,
      status: 'pending',
      decidedBy: null,
      decidedAt: null,
      ...over,
    });
    const applied = (edit: SuggestedEdit, updatedAt = 3_000): Article => ({ ...article, ...edit.proposed, updatedAt });

    it('keeps a suggestion whole and lists them newest first, by status and author', async () => {
      const older = anEdit({ createdAt: 1_500 });
      const newer = anEdit({ createdAt: 2_500, authorId: admin.id });
      await store.createSuggestedEdit(older);
      await store.createSuggestedEdit(newer);
      expect(await store.getSuggestedEdit(older.id)).toEqual(older);
      expect(await store.getSuggestedEdit(randomUUID())).toBeNull();
      expect((await store.listSuggestedEdits({})).map((e) => e.id)).toEqual([newer.id, older.id]);
      expect(await store.listSuggestedEdits({ authorId: author.id })).toEqual([older]);
      expect(await store.listSuggestedEdits({ status: 'applied' })).toEqual([]);
    });

    it('applies a suggestion and saves the article together, once', async () => {
      const edit = anEdit();
      await store.createSuggestedEdit(edit);
      expect(await store.applySuggestedEdit(edit.id, applied(edit), article.updatedAt, { by: admin.id, at: 3_000 })).toBe('applied');
      expect(await store.getArticle(article.id)).toEqual(applied(edit));
      expect(await store.getSuggestedEdit(edit.id)).toEqual({ ...edit, status: 'applied', decidedBy: admin.id, decidedAt: 3_000 });
      expect(await store.applySuggestedEdit(edit.id, applied(edit, 4_000), 3_000, { by: admin.id, at: 4_000 })).toBe('decided');
      expect(await store.dismissSuggestedEdit(edit.id, { by: admin.id, at: 4_000 })).toBe(false);
      expect((await store.getArticle(article.id))?.updatedAt).toBe(3_000);
    });

    it('changes neither the article nor the suggestion when the article was saved since', async () => {
      const edit = anEdit();
      await store.createSuggestedEdit(edit);
      const meanwhile = { ...article, title: 'Edited meanwhile', updatedAt: 2_500 };
      expect(await store.saveArticle(meanwhile, article.updatedAt)).toBe('saved');
      expect(await store.applySuggestedEdit(edit.id, applied(edit), article.updatedAt, { by: admin.id, at: 3_000 })).toBe('stale');
      expect(await store.getArticle(article.id)).toEqual(meanwhile);
      expect(await store.getSuggestedEdit(edit.id)).toEqual(edit);
    });

    it('reports a missing suggestion or article as missing, and changes nothing', async () => {
      expect(await store.applySuggestedEdit(randomUUID(), applied(anEdit()), article.updatedAt, { by: admin.id, at: 3_000 })).toBe('missing');
      const orphan = anEdit({ articleId: randomUUID() });
      await store.createSuggestedEdit(orphan);
      expect(await store.applySuggestedEdit(orphan.id, { ...applied(orphan), id: orphan.articleId }, 1_000, { by: admin.id, at: 3_000 })).toBe(
        'missing',
      );
      expect((await store.getSuggestedEdit(orphan.id))?.status).toBe('pending');
      expect(await store.getArticle(article.id)).toEqual(article);
    });

    it('dismisses a pending suggestion once, recording who and when', async () => {
      const edit = anEdit();
      await store.createSuggestedEdit(edit);
      expect(await store.dismissSuggestedEdit(edit.id, { by: admin.id, at: 5_000 })).toBe(true);
      expect(await store.dismissSuggestedEdit(edit.id, { by: admin.id, at: 6_000 })).toBe(false);
      expect(await store.getSuggestedEdit(edit.id)).toEqual({ ...edit, status: 'dismissed', decidedBy: admin.id, decidedAt: 5_000 });
      expect(await store.applySuggestedEdit(edit.id, applied(edit), article.updatedAt, { by: admin.id, at: 7_000 })).toBe('decided');
      expect(await store.getArticle(article.id)).toEqual(article);
      expect(await store.dismissSuggestedEdit(randomUUID(), { by: admin.id, at: 5_000 })).toBe(false);
    });
  });
}
