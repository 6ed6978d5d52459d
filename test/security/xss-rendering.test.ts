// Attacks that already held, replayed: script in every field a person types — visitor and organisation names,
// messages, ticket subject, description and replies, canned replies, help-article markdown — checked where it is
// rendered: the HTML the server serves (help pages, previews, the widget's article view) and the console in a
// real browser, where it must show as text and never run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TicketDetail } from '../../shared/ticket-model';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { signInToConsole } from '../support/console-page';
import { newClientId, nextEvent, okData, request, startTestServer, type TestServer } from '../support/server';
import { call } from './support/attack';

/** Each payload sets window.__xss if it ever runs. */
const IMG = '<img src=x onerror=__xss=1>';
const SVG = '<svg onload=__xss=2>';
const SCRIPT = '<script>__xss=3</script>';

const MARKDOWN = [
  `# Title ${SCRIPT}`,
  `Raw HTML: ${IMG} ${SVG}`,
  '[click](javascript:__xss=4) [data](data:text/html,<script>__xss=5</script>) [vb](vbscript:msgbox)',
  '![pic](javascript:__xss=6) ![remote](https://tracker.example/p.png)',
  '<a href="javascript:__xss=7">html link</a>',
  '[ref]: javascript:__xss=8',
  'Use [ref] here.',
].join('\n\n');

/** Real markup (not escaped text) that would run script, or load from a host nobody allowed. */
const DANGEROUS = [
  /<script/i,
  /<svg/i,
  /<iframe/i,
  /<[a-z][^>]*\son\w+\s*=/i,
  /(href|src)\s*=\s*["']?\s*(javascript|vbscript|data):/i,
  /src\s*=\s*["']?https:\/\/tracker\.example/i,
];

describe('stored XSS', () => {
  let server: TestServer;
  let cookie: string;
  const own = () => ({ cookie, origin: server.url });

  beforeAll(async () => {
    server = await startTestServer();
    cookie = await server.signIn('admin@example.com', 'admin-password');
    const article = await call<{ id: string; updatedAt: number }>(server, 'POST', '/api/articles', {
      headers: own(),
      body: { slug: 'xss-check', locale: 'en', title: `Audio ${SCRIPT}`, summary: `Summary ${IMG}`, tags: ['audio'], body: MARKDOWN },
    });
    if (!article.body.ok) throw new Error(`article: ${JSON.stringify(article.body)}`);
    const published = await call(server, 'POST', `/api/articles/${article.body.data.id}/publish`, {
      headers: own(),
      body: { expectedUpdatedAt: article.body.data.updatedAt },
    });
    expect(published.status).toBe(200);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('serves help pages with the markdown made harmless and the title escaped', async () => {
    const res = await fetch(`${server.url}/help/xss-check?lang=en`);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const pattern of DANGEROUS) expect(html).not.toMatch(pattern);
    expect(html).toContain('&lt;script&gt;__xss=3&lt;/script&gt;');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it("renders the console's preview and the widget's article view without anything that runs", async () => {
    const preview = await call<{ html: string }>(server, 'POST', '/api/articles/preview', { headers: own(), body: { body: MARKDOWN } });
    if (!preview.body.ok) throw new Error('no preview');
    for (const pattern of DANGEROUS) expect(preview.body.data.html).not.toMatch(pattern);

    const org = await server.organisation({ identityRequired: false });
    const visitor = server.visitor({ appKey: org.appKey });
    await nextEvent(visitor, 'session');
    const page = okData(await request(visitor, 'article:get', { slug: 'xss-check', locale: 'en' }));
    for (const pattern of DANGEROUS) expect(page.html).not.toMatch(pattern);
  });

  it('answers typed fields as JSON that no browser renders as a page', async () => {
    const res = await fetch(`${server.url}/api/articles/search?q=${encodeURIComponent(SCRIPT)}`, { headers: { cookie } });
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe.runIf(browserAvailable())('stored XSS in the console', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let cookie: string;

  beforeAll(async () => {
    server = await startTestServer();
    cookie = await server.signIn('admin@example.com', 'admin-password');
    const own = { cookie, origin: server.url };
    const org = await server.organisation({ identityRequired: false, name: `School ${SVG}` });
    const visitor = server.visitor({ appKey: org.appKey, name: `Ada ${IMG}` });
    await nextEvent(visitor, 'session');
    const chat = okData(await request(visitor, 'conversation:start', { clientId: newClientId(), context: { classroomId: `room ${SVG}` } }));
    okData(await request(visitor, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: `Help ${SCRIPT} ${IMG}` }));
    const ticket = await call<TicketDetail>(server, 'POST', '/api/tickets', {
      headers: own,
      body: { conversationId: chat.id, subject: `Subject ${IMG}`, priority: 'P3', description: `Description ${SVG}` },
    });
    if (!ticket.body.ok) throw new Error('no ticket');
    await call(server, 'POST', `/api/tickets/${ticket.body.data.id}/comments`, {
      headers: own,
      body: { text: `Reply ${IMG}`, visibility: 'internal' },
    });
    await call(server, 'POST', '/api/admin/canned-replies', {
      headers: own,
      body: { shortcut: 'xss', title: `Canned ${IMG}`, text: `Text ${SCRIPT}` },
    });
    await call(server, 'POST', '/api/admin/agents', {
      headers: own,
      body: { email: 'x@example.com', name: `Agent ${SVG}`, role: 'agent', tier: 'L1', password: 'password-123456' },
    });

    browser = await launchBrowser();
    page = await (await browser.newProfile()).newPage();
    await signInToConsole(page, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const ran = () => page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null);

  it('shows names, messages, tickets, canned replies and agents as text, and runs none of them', async () => {
    const sections = page.getByRole('navigation', { name: 'Sections' });
    // The chat, with the visitor's name, organisation, classroom and message.
    await page.getByRole('tab', { name: /Queue/ }).click();
    await page.getByRole('button', { name: /Ada/ }).first().click();
    await expect.poll(() => page.getByRole('log').innerText(), { timeout: 10_000 }).toContain(`Help ${SCRIPT} ${IMG}`);
    // The ticket made from it, with its internal reply.
    await sections.getByRole('button', { name: 'Tickets' }).click();
    await page
      .getByRole('button', { name: /Subject/ })
      .first()
      .click();
    await expect.poll(() => page.locator('main').innerText(), { timeout: 10_000 }).toContain(`Reply ${IMG}`);
    // Canned replies and agents in the admin section.
    await sections.getByRole('button', { name: 'Admin' }).click();
    await expect.poll(() => page.locator('body').innerText(), { timeout: 10_000 }).toContain(`Agent ${SVG}`);
    await page.getByRole('tab', { name: /Canned/ }).click();
    await expect.poll(() => page.locator('body').innerText(), { timeout: 10_000 }).toContain(`Canned ${IMG}`);
    await page.getByRole('tab', { name: /Organisations/ }).click();
    await expect.poll(() => page.locator('body').innerText(), { timeout: 10_000 }).toContain(`School ${SVG}`);

    expect(await ran()).toBeNull();
    // Nothing typed became an element: no image, svg or script from a payload anywhere in the page.
    expect(await page.locator('img[src="x"], svg[onload], script:not([src])').count()).toBe(0);
  });
});
