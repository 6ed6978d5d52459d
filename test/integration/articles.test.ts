// Help articles through a real server: the widget's socket events, the console's REST API, the help pages.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleDetail, ArticleHit, ArticleInsights, ArticleSummary, ConversationArticles } from '../../shared/articles';
import type { SearchArticles } from '../../shared/article-schemas';
import type { Result } from '../../shared/errors';
import { createServices } from '../../server/domain/services';
import { openSqliteStore } from '../../server/store/sqlite/index';
import { readStarterArticles } from '../../server/starter-articles';
import { FakeClock } from '../support/fake-clock';
import {
  eventWhere,
  newClientId,
  nextEvent,
  okData,
  request,
  requestRaw,
  startTestServer,
  type TestServer,
  type VisitorClient,
} from '../support/server';
import { memoryRateLimits } from '../../server/store/rate-limits/flexible-rate-limits';

describe('help articles', () => {
  let server: TestServer;
  let student: VisitorClient;

  beforeEach(async () => {
    server = await startTestServer();
    const org = await server.organisation();
    student = server.visitor({ appKey: org.appKey, name: 'Ada' });
    await nextEvent(student, 'session');
  });
  afterEach(async () => {
    await server.stop();
  });

  const search = (query: string, locale: SearchArticles['locale']) => request(student, 'articles:search', { query, locale });
  const adminCookie = () => server.signIn('admin@example.com', 'admin-password');

  async function api<T>(method: string, path: string, cookie: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? null : JSON.stringify(body),
    });
    return { status: res.status, result: (await res.json()) as Result<T> };
  }

  describe('in the widget', () => {
    it('finds the microphone article for "老师听不到我的声音" and the audio article for "I cannot hear the teacher"', async () => {
      expect(okData(await search('老师听不到我的声音', 'zh-CN'))[0]).toMatchObject({ slug: 'others-cant-hear-me', locale: 'zh-CN' });
      expect(okData(await search('I cannot hear the teacher', 'en'))[0]).toMatchObject({ slug: 'cant-hear-others', locale: 'en' });
    });

    it('refuses malformed searches with bad_request', async () => {
      for (const payload of [
        { query: 'mic' },
        { query: '', locale: 'en' },
        { query: 'x'.repeat(201), locale: 'en' },
        { query: 'mic', locale: 'fr' },
        { query: 'mic', locale: 'en', limit: 50 },
        { query: 'mic', locale: 'en', extra: 1 },
      ]) {
        const result = await requestRaw(student, 'articles:search', payload);
        expect(result.ok ? 'ok' : result.error.code).toBe('bad_request');
      }
    });

    it('suggests the weak-network article first when the host reports a poor network', async () => {
      const hits = okData(await request(student, 'articles:suggest', { locale: 'en', context: { network: { rttMs: 620, packetLossPct: 9 } } }));
      expect(hits[0]?.slug).toBe('weak-network');
      const calm = okData(await request(student, 'articles:suggest', { locale: 'zh-CN', context: {} }));
      expect(calm.length).toBeGreaterThan(2);
      expect(calm.every((h) => h.locale === 'zh-CN')).toBe(true);
    });

    it('shows an article as sanitised HTML, with its other language, and nothing unpublished', async () => {
      const page = okData(await request(student, 'article:get', { slug: 'others-cant-hear-me', locale: 'zh-CN' }));
      expect(page).toMatchObject({ slug: 'others-cant-hear-me', locale: 'zh-CN', title: '老师和同学听不到我的声音', translations: ['en'] });
      expect(page.html).toContain('<h2>');
      expect(page.html).toContain('data-article="weak-network"');
      const missing = await request(student, 'article:get', { slug: 'no-such-article', locale: 'en' });
      expect(missing.ok ? 'ok' : missing.error.code).toBe('not_found');
    });

    it('"This helped" records a deflection and starts no conversation; a repeat records nothing new', async () => {
      const [hit] = okData(await search('I cannot hear the teacher', 'en'));
      const answer = { clientId: newClientId(), articleId: hit!.id, helpful: true };
      expect(okData(await request(student, 'article:feedback', answer))).toEqual({ outcome: 'deflected', conversationId: null });
      expect(okData(await request(student, 'article:feedback', answer))).toEqual({ outcome: 'deflected', conversationId: null });
      expect(await server.services.store.listQueued()).toEqual([]);
      const insights = okData((await api<ArticleInsights>('GET', '/api/articles/insights', await adminCookie())).result);
      expect(insights.deflections).toEqual([expect.objectContaining({ slug: 'cant-hear-others', deflected: 1, escalated: 0 })]);
    });

    it('refuses feedback on an unknown article, and malformed feedback', async () => {
      const unknown = await request(student, 'article:feedback', { clientId: newClientId(), articleId: randomUUID(), helpful: true });
      expect(unknown.ok ? 'ok' : unknown.error.code).toBe('not_found');
      const malformed = await requestRaw(student, 'article:feedback', { clientId: 'nope', articleId: randomUUID(), helpful: 'yes' });
      expect(malformed.ok ? 'ok' : malformed.error.code).toBe('bad_request');
    });

    it('"I still need help" attaches the article to the chat the user then starts, for the agent to see', async () => {
      const [hit] = okData(await search('老师听不到我的声音', 'zh-CN'));
      const ack = okData(await request(student, 'article:feedback', { clientId: newClientId(), articleId: hit!.id, helpful: false }));
      expect(ack).toEqual({ outcome: 'escalated', conversationId: null });
      const chat = okData(await request(student, 'conversation:start', { clientId: newClientId(), context: {} }));

      const cookie = await adminCookie();
      await expect
        .poll(async () => okData((await api<ConversationArticles>('GET', `/api/conversations/${chat.id}/articles`, cookie)).result).articles)
        .toEqual([expect.objectContaining({ slug: 'others-cant-hear-me', locale: 'zh-CN', title: '老师和同学听不到我的声音' })]);
    });

    it('attaches at once, live, when a chat is already open', async () => {
      const chat = okData(await request(student, 'conversation:start', { clientId: newClientId(), context: {} }));
      const agent = server.agentSocket(await adminCookie());
      await nextEvent(agent, 'session');
      okData(await request(agent, 'conversation:open', { conversationId: chat.id }));
      const pushed = eventWhere<ConversationArticles>(agent, 'conversation:articles', (p) => p.conversationId === chat.id);
      const [hit] = okData(await search('echo', 'en'));
      const ack = okData(await request(student, 'article:feedback', { clientId: newClientId(), articleId: hit!.id, helpful: false }));
      expect(ack).toEqual({ outcome: 'escalated', conversationId: chat.id });
      expect((await pushed).articles.map((a) => a.slug)).toEqual(['echo-and-noise']);
    });

    it('limits searches per connection', async () => {
      const results = await Promise.all(Array.from({ length: 45 }, () => search('camera', 'en')));
      const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
      expect(codes.filter((c) => c === 'ok').length).toBeGreaterThanOrEqual(30);
      expect(codes).toContain('rate_limited');
    });
  });

  describe('in the console', () => {
    const draft = (over: Record<string, unknown> = {}) => ({
      slug: 'projector-hdmi',
      locale: 'en',
      title: 'Projector shows no picture over HDMI',
      summary: 'Check the input source and the cable.',
      tags: ['projector', 'classroom'],
      body: '1. Choose the **HDMI** input on the projector.\n2. Reseat the cable.',
      ...over,
    });

    it('lets an admin draft, preview, publish and unpublish; the widget sees each change at once', async () => {
      const cookie = await adminCookie();
      const created = await api<ArticleDetail>('POST', '/api/articles', cookie, draft());
      expect(created.status).toBe(201);
      const article = okData(created.result);
      expect(article).toMatchObject({ status: 'draft', author: { name: 'Administrator' } });
      expect(article.html).toContain('<strong>HDMI</strong>');
      expect(okData(await search('projector hdmi', 'en'))).toEqual([]);

      const preview = okData(
        (await api<{ html: string }>('POST', '/api/articles/preview', cookie, { body: '<b>x</b> [y](javascript:alert(1))' })).result,
      );
      expect(preview.html).not.toMatch(/<b>|href=/);

      const published = okData(
        (await api<ArticleDetail>('POST', `/api/articles/${article.id}/publish`, cookie, { expectedUpdatedAt: article.updatedAt })).result,
      );
      expect(published.status).toBe('published');
      expect(okData(await search('projector hdmi', 'en'))[0]?.slug).toBe('projector-hdmi');

      const edited = okData(
        (
          await api<ArticleDetail>('PUT', `/api/articles/${article.id}`, cookie, {
            ...draft({ title: 'Beamer shows no picture' }),
            expectedUpdatedAt: published.updatedAt,
          })
        ).result,
      );
      expect(okData(await search('beamer', 'en'))[0]?.title).toBe('Beamer shows no picture');

      okData((await api('POST', `/api/articles/${article.id}/unpublish`, cookie, { expectedUpdatedAt: edited.updatedAt })).result);
      expect(okData(await search('beamer', 'en'))).toEqual([]);
    });

    it('refuses a save over a newer version, a duplicate slug, and deleting a live article', async () => {
      const cookie = await adminCookie();
      const article = okData((await api<ArticleDetail>('POST', '/api/articles', cookie, draft())).result);
      const first = await api<ArticleDetail>('PUT', `/api/articles/${article.id}`, cookie, {
        ...draft({ title: 'First' }),
        expectedUpdatedAt: article.updatedAt,
      });
      const second = await api('PUT', `/api/articles/${article.id}`, cookie, { ...draft({ title: 'Second' }), expectedUpdatedAt: article.updatedAt });
      expect(first.status).toBe(200);
      expect(second).toMatchObject({ status: 409, result: { ok: false, error: { code: 'conflict' } } });

      const duplicate = await api('POST', '/api/articles', cookie, draft({ title: 'Again' }));
      expect(duplicate).toMatchObject({ status: 409, result: { error: { code: 'conflict' } } });

      const live = okData(
        (await api<ArticleDetail>('POST', `/api/articles/${article.id}/publish`, cookie, { expectedUpdatedAt: okData(first.result).updatedAt }))
          .result,
      );
      expect((await api('DELETE', `/api/articles/${article.id}`, cookie)).status).toBe(409);
      okData((await api('POST', `/api/articles/${article.id}/unpublish`, cookie, { expectedUpdatedAt: live.updatedAt })).result);
      expect((await api('DELETE', `/api/articles/${article.id}`, cookie)).status).toBe(200);
      expect((await api('GET', `/api/articles/${article.id}`, cookie)).status).toBe(404);
    });

    it('lets agents suggest, not publish; their suggestion waits for an admin', async () => {
      const lin = await server.agent({ name: 'Lin Agent', role: 'agent' });
      const agentCookie = await server.signIn(lin.email, lin.password);
      const suggestion = okData((await api<ArticleDetail>('POST', '/api/articles', agentCookie, draft())).result);
      expect(suggestion).toMatchObject({ status: 'suggested', author: { id: lin.id, name: 'Lin Agent' } });
      const publish = await api('POST', `/api/articles/${suggestion.id}/publish`, agentCookie, { expectedUpdatedAt: suggestion.updatedAt });
      expect(publish).toMatchObject({ status: 403, result: { error: { code: 'forbidden' } } });

      // Another agent sees neither the suggestion nor an admin's draft.
      const kim = await server.agent({ name: 'Kim Agent' });
      const kimCookie = await server.signIn(kim.email, kim.password);
      const adminDraft = okData((await api<ArticleDetail>('POST', '/api/articles', await adminCookie(), draft({ slug: 'admin-draft' }))).result);
      const kimSees = okData((await api<ArticleSummary[]>('GET', '/api/articles', kimCookie)).result).map((a) => a.id);
      expect(kimSees).not.toContain(suggestion.id);
      expect(kimSees).not.toContain(adminDraft.id);
      expect(kimSees.length).toBe(readStarterArticles().length);
      expect((await api('GET', `/api/articles/${suggestion.id}`, kimCookie)).status).toBe(404);
      expect((await api('PUT', `/api/articles/${kimSees[0]}`, kimCookie, { ...draft(), expectedUpdatedAt: 0 })).status).toBe(403);

      const admin = await adminCookie();
      const suggested = okData((await api<ArticleSummary[]>('GET', '/api/articles?status=suggested', admin)).result);
      expect(suggested.map((a) => a.id)).toEqual([suggestion.id]);
      okData((await api('POST', `/api/articles/${suggestion.id}/publish`, admin, { expectedUpdatedAt: suggestion.updatedAt })).result);
      expect(okData(await search('projector', 'en'))[0]?.id).toBe(suggestion.id);
    });

    it('lets agents search while answering, and shows admins the searches that found nothing', async () => {
      const lin = await server.agent({ role: 'agent' });
      const agentCookie = await server.signIn(lin.email, lin.password);
      const hits = okData((await api<ArticleHit[]>('GET', `/api/articles/search?q=${encodeURIComponent('摄像头')}`, agentCookie)).result);
      expect(hits[0]).toMatchObject({ slug: 'camera-not-found', locale: 'zh-CN' });

      for (const query of ['hol', 'hologram', 'hologram projector']) await search(query, 'en');
      await search('smartboard pen', 'en');
      const insights = okData((await api<ArticleInsights>('GET', '/api/articles/insights?days=7', await adminCookie())).result);
      expect(insights.misses.map((m) => m.query).sort()).toEqual(['hologram projector', 'smartboard pen']);
      expect((await api('GET', '/api/articles/insights', agentCookie)).status).toBe(403);
    });

    it('refuses bad input, strangers and cross-site writes', async () => {
      const cookie = await adminCookie();
      for (const body of [
        draft({ slug: 'Not A Slug!' }),
        draft({ title: '' }),
        draft({ locale: 'de' }),
        draft({ tags: 'audio' }),
        { ...draft(), status: 'published' },
      ]) {
        const res = await api('POST', '/api/articles', cookie, body);
        expect(res).toMatchObject({ status: 400, result: { error: { code: 'bad_request' } } });
      }
      expect((await api('GET', '/api/articles/not-a-uuid', cookie)).status).toBe(400);
      expect((await api('GET', '/api/articles', 'cs_session=forged')).status).toBe(401);
      const crossSite = await api('POST', '/api/articles', cookie, draft(), { origin: 'https://evil.example' });
      expect(crossSite).toMatchObject({ status: 403, result: { error: { code: 'origin_not_allowed' } } });
      expect((await api('GET', '/api/articles?status=everything', cookie)).status).toBe(400);
    });
  });

  describe('the public help pages', () => {
    it('serves a published article as a script-free page, in the asked language', async () => {
      const res = await fetch(`${server.url}/help/weak-network?lang=zh-CN`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      // No image origins configured here: the page may load no images from anywhere.
      expect(res.headers.get('content-security-policy')).toContain("img-src 'none'");
      const html = await res.text();
      expect(html).toContain('<html lang="zh-CN">');
      expect(html).toContain('网络不好时怎么办');
      expect(html).not.toContain('<script');
      expect((await fetch(`${server.url}/help/no-such-article`)).status).toBe(404);
    });

    it('words its own parts in the article’s language, and a missing article in the asked one', async () => {
      // Everything the page says besides the article: title suffix, header and the missing page's words.
      const own = (html: string) =>
        html
          .replace(/<style>[\s\S]*?<\/style>/, '')
          .replace(/<main>[\s\S]*<\/main>/, '')
          .replace(/<[^>]+>/g, ' ');
      const zh = await (await fetch(`${server.url}/help/weak-network?lang=zh-CN`)).text();
      expect(own(zh)).toContain('课堂支持 · 帮助中心');
      // The only Latin word is the English translation's link, named in English and marked so.
      expect(own(zh).match(/[A-Za-z]{2,}/g)).toEqual(['English']);
      expect(zh).toContain('lang="en">English</a>');
      const en = await (await fetch(`${server.url}/help/weak-network?lang=en`)).text();
      expect(own(en)).toContain('Classroom Support · Help');
      const missing = await fetch(`${server.url}/help/no-such-article`, { headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
      expect(missing.status).toBe(404);
      const missingHtml = await missing.text();
      expect(missingHtml).toContain('<html lang="zh-CN">');
      expect(missingHtml.replace(/<[^>]+>/g, ' ')).not.toMatch(/[A-Za-z]{2,}/);
      expect(await (await fetch(`${server.url}/help/no-such-article?lang=en`)).text()).toContain('This help article does not exist');
    });
  });
});

describe('starter articles', () => {
  it('are published once per installation, and one an admin deleted stays deleted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-seed-'));
    const file = join(dir, 'support.sqlite');
    const starters = readStarterArticles();
    const boot = async () => {
      const store = openSqliteStore(file);
      await store.migrate();
      const services = createServices({
        store,
        clock: new FakeClock(),
        newId: randomUUID,
        onListenerError: (e) => {
          throw e;
        },
        rateLimits: memoryRateLimits(),
      });
      return { store, services };
    };
    try {
      const first = await boot();
      expect(await first.services.articles.editing.seed(starters)).toBe(starters.length);
      const dropped = await first.store.findArticle('echo-and-noise', 'en');
      await first.store.deleteArticle(dropped!.id);
      await first.store.close();

      const second = await boot();
      expect(await second.services.articles.editing.seed(starters)).toBe(0);
      expect(await second.store.findArticle('echo-and-noise', 'en')).toBeNull();
      expect((await second.store.listArticles({ status: 'published' })).length).toBe(starters.length - 1);
      await second.store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
