// Attacks that already held, replayed: cross-site WebSocket hijacking of the console's /agent namespace (a page
// elsewhere opening a socket that the browser sends the session cookie with), and cross-site request forgery on
// every kind of REST write. Each is refused with origin_not_allowed, and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organisation } from '../../server/domain/records';
import { connectError, startTestServer, type TestServer } from '../support/server';
import { call, codeOf, settle } from './support/attack';

describe('cross-site WebSocket hijacking and CSRF', () => {
  let server: TestServer;
  let cookie: string;
  let org: Organisation;
  let evil: string;
  let adminId: string;

  beforeAll(async () => {
    server = await startTestServer();
    cookie = await server.signIn('admin@example.com', 'admin-password');
    org = await server.organisation({ identityRequired: false });
    evil = `http://evil.test:${new URL(server.url).port}`;
    const me = await call<{ id: string }>(server, 'GET', '/api/auth/me', { headers: { cookie } });
    adminId = me.body.ok ? me.body.data.id : '';
  });
  afterAll(async () => {
    await server?.stop();
  });

  const hijacks: Array<[string, Record<string, string>, string[]]> = [
    ['another site over WebSocket', { origin: 'http://evil.test' }, ['websocket']],
    ['another site over long-polling', { origin: 'http://evil.test' }, ['polling']],
    ['a look-alike host', { origin: 'http://127.0.0.1.evil.test' }, ['websocket']],
    ['the same host over https', { origin: '' }, ['websocket']],
    ['a null origin (sandboxed frame)', { origin: 'null' }, ['websocket']],
    ['no Origin, marked cross-site', { 'sec-fetch-site': 'cross-site' }, ['polling']],
    ['no Origin and no fetch metadata', {}, ['polling']],
  ];

  it.each(hijacks)('refuses the console socket from %s, and the agent record is untouched', async (_name, headers, transports) => {
    const statusOf = async () => (await server.services.store.listAgentStatuses()).find((r) => r.agent.id === adminId);
    const before = await statusOf();
    const sent = { ...headers };
    if (sent.origin === '') sent.origin = server.url.replace('http:', 'https:');
    const socket = server.agentSocket(cookie, { headers: sent, transports });
    expect((await connectError(socket)).code).toBe('origin_not_allowed');
    await settle(100);
    expect(await statusOf()).toEqual(before);
  });

  it('refuses a widget socket from an origin the organisation does not allow, and creates no visitor', async () => {
    const socket = server.visitor({ appKey: org.appKey, name: 'Hijacked' }, { origin: 'http://evil.test' });
    expect((await connectError(socket)).code).toBe('origin_not_allowed');
  });

  const writes: Array<[string, string, string, unknown]> = [
    [
      'create an agent',
      'POST',
      '/api/admin/agents',
      { email: 'mole@evil.test', name: 'Mole', role: 'admin', tier: 'L1', password: 'password-123456' },
    ],
    ['create an organisation', 'POST', '/api/admin/organisations', { name: 'Evil', allowedOrigins: ['http://evil.test'] }],
    ['create an API token', 'POST', '/api/api-tokens', { name: 'exfil', allOrganisations: true }],
    ['change the SLA policy', 'PUT', '/api/sla-policy', { targets: {}, warnAtPercent: 99 }],
    ['create a ticket', 'POST', '/api/tickets', { subject: 'spam', priority: 'P1', organisationId: '' }],
    ['write a help article', 'POST', '/api/articles', { title: 'x', body: 'x', locale: 'en' }],
    ['create a canned reply', 'POST', '/api/admin/canned-replies', { shortcut: 'evil', title: 'x', text: 'x' }],
    ['sign the agent out', 'POST', '/api/auth/sign-out', undefined],
  ];

  it.each(writes)('refuses a forged request to %s, and nothing changes', async (_name, method, path, body) => {
    const before = await state();
    const withOrg = path === '/api/tickets' ? { ...(body as object), organisationId: org.id } : body;
    const forgeries: Array<Record<string, string>> = [
      { cookie, origin: evil },
      { cookie, origin: 'http://evil.test', 'content-type': 'text/plain' },
      { cookie, 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of forgeries) {
      const answer = await call(server, method, path, { headers, body: withOrg });
      expect(answer.status).toBe(403);
      expect(codeOf(answer)).toBe('origin_not_allowed');
    }
    expect(await state()).toEqual(before);
    expect((await call(server, 'GET', '/api/auth/me', { headers: { cookie } })).status).toBe(200);
  });

  async function state() {
    const { store } = server.services;
    return {
      agents: (await store.listAgentStatuses()).length,
      tickets: (await store.listTickets({ limit: 500 })).length,
      tokens: (await store.listApiTokens()).length,
      canned: (await server.services.routing.canned.list()).length,
      policy: await store.latestSlaPolicy(),
    };
  }
});
