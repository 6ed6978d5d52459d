// Suggested edits to published articles: who may suggest, apply and dismiss; readers see nothing until an admin
// applies; an edit suggested against an older version is refused rather than undoing the newer one.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleDetail } from '../../shared/articles';
import type { SuggestEditInput } from '../../shared/suggested-edit-schemas';
import type { Store } from '../../server/domain/ports';
import type { Agent } from '../../server/domain/records';
import { createServices, type SupportServices } from '../../server/domain/services';
import { openSqliteStore } from '../../server/store/sqlite/index';
import { FakeClock } from '../support/fake-clock';
import { anAgent } from '../support/records';
import { memoryRateLimits } from '../../server/store/rate-limits/flexible-rate-limits';

describe('suggested edits', () => {
  let store: Store;
  let clock: FakeClock;
  let services: SupportServices;
  let admin: Agent;
  let lin: Agent;
  let kim: Agent;
  let article: ArticleDetail;

  beforeEach(async () => {
    store = openSqliteStore(':memory:');
    await store.migrate();
    clock = new FakeClock();
    services = createServices({
      store,
      clock,
      newId: randomUUID,
      onListenerError: (e) => {
        throw e;
      },
      rateLimits: memoryRateLimits(),
    });
    admin = await store.createAgent(anAgent({ name: 'Ada Admin', role: 'admin' }));
    lin = await store.createAgent(anAgent({ name: 'Lin Agent', role: 'agent' }));
    kim = await store.createAgent(anAgent({ name: 'Kim Supervisor', role: 'supervisor' }));
    const { editing } = services.articles;
    const draft = await editing.create(admin, {
      slug: 'projector-hdmi',
      locale: 'en',
      title: 'Projector shows no picture',
      summary: 'Check the input.',
      tags: ['projector'],
      body: 'Choose the HDMI input.',
    });
    clock.advance(1_000);
    article = await editing.publish(admin, draft.id, draft.updatedAt);
    clock.advance(1_000);
  });
  afterEach(async () => {
    await store.close();
  });

  const edits = () => services.articles.suggestedEdits;
  const proposal = (over: Partial<SuggestEditInput> = {}): SuggestEditInput => ({
    title: article.title,
    summary: article.summary,
    tags: article.tags,
    body: 'Choose the HDMI input, then press the Freeze button once to unfreeze the lamp.',
    note: 'Teachers keep hitting Freeze by accident',
    expectedUpdatedAt: article.updatedAt,
    ...over,
  });
  const search = (q: string) => services.articles.library.search(q, 'en', 5);
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'ok',
      (error: { code?: string }) => error.code ?? String(error),
    );

  it("stores an agent's suggestion without changing what readers see", async () => {
    const edit = await edits().suggest(lin, article.id, proposal());
    expect(edit).toMatchObject({
      status: 'pending',
      articleTitle: 'Projector shows no picture',
      author: { id: lin.id, name: 'Lin Agent' },
      note: 'Teachers keep hitting Freeze by accident',
      outdated: false,
      decidedBy: null,
    });
    expect(edit.current?.body).toBe('Choose the HDMI input.');
    expect(edit.proposed.body).toContain('Freeze button');
    expect(await store.getArticle(article.id)).toMatchObject({ body: 'Choose the HDMI input.', updatedAt: article.updatedAt, status: 'published' });
    expect(await search('freeze button')).toEqual([]);
    expect((await services.articles.library.page('projector-hdmi', 'en')).html).not.toContain('Freeze');
  });

  it('lets an admin apply it: the article takes the text, a new date, and search finds it at once', async () => {
    const edit = await edits().suggest(
      kim,
      article.id,
      proposal({ title: 'Projector shows no picture or a frozen one', tags: ['projector', 'freeze'] }),
    );
    clock.advance(60_000);
    const applied = await edits().apply(admin, edit.id);
    expect(applied).toMatchObject({ status: 'applied', decidedBy: { id: admin.id, name: 'Ada Admin' }, decidedAt: clock.now() });
    const now = await store.getArticle(article.id);
    expect(now).toMatchObject({
      title: 'Projector shows no picture or a frozen one',
      tags: ['projector', 'freeze'],
      status: 'published',
      updatedAt: clock.now(),
    });
    expect(now?.body).toContain('Freeze button');
    expect((await search('freeze button'))[0]?.id).toBe(article.id);
    expect(await codeOf(edits().apply(admin, edit.id))).toBe('conflict');
    expect(await codeOf(edits().dismiss(admin, edit.id))).toBe('conflict');
  });

  it('lets an admin dismiss it, recording who and when, and leaves the article alone', async () => {
    const edit = await edits().suggest(lin, article.id, proposal());
    const dismissed = await edits().dismiss(admin, edit.id);
    expect(dismissed).toMatchObject({ status: 'dismissed', decidedBy: { id: admin.id }, decidedAt: clock.now() });
    expect(await store.getArticle(article.id)).toMatchObject({ body: 'Choose the HDMI input.', updatedAt: article.updatedAt });
    expect(await codeOf(edits().apply(admin, edit.id))).toBe('conflict');
    expect((await edits().get(lin, edit.id)).status).toBe('dismissed');
  });

  it('lets only admins apply or dismiss, and agents neither publish nor change the article', async () => {
    const edit = await edits().suggest(lin, article.id, proposal());
    for (const who of [lin, kim]) {
      expect(await codeOf(edits().apply(who, edit.id))).toBe('forbidden');
      expect(await codeOf(edits().dismiss(who, edit.id))).toBe('forbidden');
      expect(await codeOf(services.articles.editing.update(who, article.id, { ...article, body: 'x' }, article.updatedAt))).toBe('forbidden');
      expect(await codeOf(services.articles.editing.unpublish(who, article.id, article.updatedAt))).toBe('forbidden');
    }
    expect((await store.getSuggestedEdit(edit.id))?.status).toBe('pending');
    expect(await store.getArticle(article.id)).toMatchObject({ body: 'Choose the HDMI input.', updatedAt: article.updatedAt });
  });

  it('shows admins every suggestion and others only their own', async () => {
    const mine = await edits().suggest(lin, article.id, proposal());
    clock.advance(1_000);
    const theirs = await edits().suggest(kim, article.id, proposal({ body: 'Another way' }));
    expect((await edits().list(admin, { status: 'pending' })).map((e) => e.id)).toEqual([theirs.id, mine.id]);
    expect((await edits().list(lin, {})).map((e) => e.id)).toEqual([mine.id]);
    expect(await codeOf(edits().get(lin, theirs.id))).toBe('not_found');
    expect((await edits().get(admin, theirs.id)).proposed.body).toBe('Another way');
    expect(await edits().list(admin, { status: 'applied' })).toEqual([]);
  });

  it('refuses to apply a suggestion written against an older version of the article', async () => {
    const edit = await edits().suggest(lin, article.id, proposal());
    clock.advance(1_000);
    const meanwhile = await services.articles.editing.update(
      admin,
      article.id,
      { ...article, summary: 'Check the input and the cable.' },
      article.updatedAt,
    );
    expect((await edits().get(admin, edit.id)).outdated).toBe(true);
    expect(await codeOf(edits().apply(admin, edit.id))).toBe('conflict');
    expect(await store.getArticle(article.id)).toMatchObject({
      summary: 'Check the input and the cable.',
      body: 'Choose the HDMI input.',
      updatedAt: meanwhile.updatedAt,
    });
    expect((await store.getSuggestedEdit(edit.id))?.status).toBe('pending');
    expect((await edits().dismiss(admin, edit.id)).status).toBe('dismissed');
  });

  it('refuses suggestions on a version the agent did not see, that change nothing, or on articles that are not live', async () => {
    expect(await codeOf(edits().suggest(lin, article.id, proposal({ expectedUpdatedAt: article.updatedAt - 1 })))).toBe('conflict');
    expect(await codeOf(edits().suggest(lin, article.id, proposal({ body: article.body })))).toBe('bad_request');
    const draft = await services.articles.editing.create(admin, {
      slug: 'draft-one',
      locale: 'en',
      title: 'Draft',
      summary: '',
      tags: [],
      body: 'Soon',
    });
    expect(await codeOf(edits().suggest(lin, draft.id, proposal({ expectedUpdatedAt: draft.updatedAt })))).toBe('not_found');
    expect(await codeOf(edits().suggest(admin, draft.id, proposal({ expectedUpdatedAt: draft.updatedAt })))).toBe('conflict');
    expect(await store.listSuggestedEdits({})).toEqual([]);
  });

  it('answers unknown ids with not_found', async () => {
    const unknown = randomUUID();
    expect(await codeOf(edits().suggest(lin, unknown, proposal()))).toBe('not_found');
    expect(await codeOf(edits().get(admin, unknown))).toBe('not_found');
    expect(await codeOf(edits().apply(admin, unknown))).toBe('not_found');
    expect(await codeOf(edits().dismiss(admin, unknown))).toBe('not_found');
  });
});
