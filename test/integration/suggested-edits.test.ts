// Suggested edits through a real server: the console's REST routes, their checks, and the widget's search after
// an admin applies one.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleDetail, ArticleSummary } from '../../shared/articles';
import type { Result } from '../../shared/errors';
import type { SuggestedEditDetail, SuggestedEditSummary } from '../../shared/suggested-edits';
import { nextEvent, okData, request, startTestServer, type TestServer, type VisitorClient } from '../support/server';

describe('suggested edits over HTTP', () => {
  let server: TestServer;
  let student: VisitorClient;
  let admin: string;
  let agent: string;
  let article: ArticleDetail;

  beforeEach(async () => {
    server = await startTestServer();
    const org = await server.organisation();
    student = server.visitor({ appKey: org.appKey, name: 'Ada' });
    await nextEvent(student, 'session');
    admin = await server.signIn('admin@example.com', 'admin-password');
    const lin = await server.agent({ name: 'Lin Agent', role: 'agent' });
    agent = await server.signIn(lin.email, lin.password);
    const published = okData((await api<ArticleSummary[]>('GET', '/api/articles?status=published&locale=en', agent)).result);
    article = okData((await api<ArticleDetail>('GET', `/api/articles/${published.find((a) => a.slug === 'weak-network')!.id}`, agent)).result);
  });
  afterEach(async () => {
    await server.stop();
  });

  async function api<T>(method: string, path: string, cookie: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? null : JSON.stringify(body),
    });
    return { status: res.status, result: (await res.json()) as Result<T> };
  }

  const proposal = (over: Record<string, unknown> = {}) => ({
    title: article.title,
    summary: article.summary,
    tags: article.tags,
    body: `${article.body}\n\nIf the school blocks video, ask for the zeppelinport exception.`,
    note: 'Two schools asked this week',
    expectedUpdatedAt: article.updatedAt,
    ...over,
  });
  const search = async (query: string) => okData(await request(student, 'articles:search', { query, locale: 'en' }));

  it('an agent suggests, an admin reviews and applies; only then does the widget find the new text', async () => {
    const created = await api<SuggestedEditDetail>('POST', `/api/articles/${article.id}/suggested-edits`, agent, proposal());
    expect(created.status).toBe(201);
    const edit = okData(created.result);
    expect(await search('zeppelinport')).toEqual([]);

    const pending = okData((await api<SuggestedEditSummary[]>('GET', '/api/articles/suggested-edits?status=pending', admin)).result);
    expect(pending).toEqual([
      expect.objectContaining({ id: edit.id, slug: 'weak-network', author: expect.objectContaining({ name: 'Lin Agent' }), outdated: false }),
    ]);
    const review = okData((await api<SuggestedEditDetail>('GET', `/api/articles/suggested-edits/${edit.id}`, admin)).result);
    expect(review.current?.body).toBe(article.body);
    expect(review.proposed.body).toContain('zeppelinport');

    expect((await api('POST', `/api/articles/suggested-edits/${edit.id}/apply`, agent)).result).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const applied = await api<SuggestedEditDetail>('POST', `/api/articles/suggested-edits/${edit.id}/apply`, admin);
    expect(applied).toMatchObject({ status: 200, result: { ok: true, data: { status: 'applied', decidedBy: { name: 'Administrator' } } } });
    expect((await search('zeppelinport'))[0]).toMatchObject({ id: article.id, slug: 'weak-network' });
    const now = okData((await api<ArticleDetail>('GET', `/api/articles/${article.id}`, agent)).result);
    expect(now.updatedAt).toBeGreaterThan(article.updatedAt);
    expect(now.html).toContain('zeppelinport');

    const again = await api('POST', `/api/articles/suggested-edits/${edit.id}/dismiss`, admin);
    expect(again).toMatchObject({ status: 409, result: { error: { code: 'conflict' } } });
    expect(okData((await api<SuggestedEditSummary[]>('GET', '/api/articles/suggested-edits', agent)).result)).toEqual([
      expect.objectContaining({ id: edit.id, status: 'applied' }),
    ]);
  });

  it('refuses an outdated suggestion with a conflict and lets it be dismissed', async () => {
    const edit = okData((await api<SuggestedEditDetail>('POST', `/api/articles/${article.id}/suggested-edits`, agent, proposal())).result);
    const { slug, locale, title, tags, body, updatedAt } = article;
    okData(
      (
        await api('PUT', `/api/articles/${article.id}`, admin, {
          slug,
          locale,
          title,
          tags,
          body,
          summary: 'Edited by an admin',
          expectedUpdatedAt: updatedAt,
        })
      ).result,
    );
    const refused = await api('POST', `/api/articles/suggested-edits/${edit.id}/apply`, admin);
    expect(refused).toMatchObject({
      status: 409,
      result: { error: { code: 'conflict', message: expect.stringMatching(/edited after this suggestion/) } },
    });
    const dismissed = await api<SuggestedEditDetail>('POST', `/api/articles/suggested-edits/${edit.id}/dismiss`, admin);
    expect(okData(dismissed.result)).toMatchObject({ status: 'dismissed', decidedBy: { name: 'Administrator' } });
    expect(await search('zeppelinport')).toEqual([]);
  });

  it('checks input with the shared schemas and answers unknown ids with not_found', async () => {
    const path = `/api/articles/${article.id}/suggested-edits`;
    for (const body of [
      proposal({ note: '' }),
      proposal({ note: 'x'.repeat(501) }),
      proposal({ body: '' }),
      proposal({ slug: 'new-slug' }),
      proposal({ status: 'published' }),
      proposal({ expectedUpdatedAt: 'now' }),
    ]) {
      expect(await api('POST', path, agent, body)).toMatchObject({ status: 400, result: { error: { code: 'bad_request' } } });
    }
    expect((await api('POST', `/api/articles/${randomUUID()}/suggested-edits`, agent, proposal())).status).toBe(404);
    expect((await api('GET', `/api/articles/suggested-edits/${randomUUID()}`, admin)).status).toBe(404);
    expect((await api('POST', `/api/articles/suggested-edits/${randomUUID()}/apply`, admin)).status).toBe(404);
    expect((await api('POST', `/api/articles/suggested-edits/${randomUUID()}/dismiss`, admin)).status).toBe(404);
    expect((await api('GET', '/api/articles/suggested-edits/not-a-uuid', admin)).status).toBe(400);
    expect((await api('GET', '/api/articles/suggested-edits?status=maybe', admin)).status).toBe(400);
    expect((await api('POST', path, agent, proposal({ expectedUpdatedAt: article.updatedAt - 1 }))).status).toBe(409);
    expect((await api('GET', '/api/articles/suggested-edits', 'cs_session=forged')).status).toBe(401);
    const crossSite = await api('POST', path, agent, proposal(), { origin: 'https://evil.example' });
    expect(crossSite).toMatchObject({ status: 403, result: { error: { code: 'origin_not_allowed' } } });
    expect(okData((await api<SuggestedEditSummary[]>('GET', '/api/articles/suggested-edits', admin)).result)).toEqual([]);
  });
});
