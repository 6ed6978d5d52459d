// Password guessing against a real server: through a trusted proxy with forged X-Forwarded-For, from many
// addresses at one account, one address at many accounts, and an IPv6 /64. Each is refused with
// `rate_limited` (HTTP 429, Retry-After, retryAfterMs) and no refused attempt gets a session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';

describe('sign-in limits behind a proxy', () => {
  let server: TestServer;
  beforeAll(async () => {
    // One proxy in front: it appends the address it saw to whatever X-Forwarded-For the client sent.
    server = await startTestServer({ trustProxy: 1 });
  });
  afterAll(() => server.stop());

  /** A sign-in through the proxy: `client` is the address the proxy saw, `forged` what the client claimed. */
  async function signIn(email: string, password: string, client: string, forged?: string) {
    const res = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forged ? `${forged}, ${client}` : client },
      body: JSON.stringify({ email, password }),
    });
    const body = (await res.json()) as { ok: boolean; error?: { code: string; retryAfterMs?: number } };
    return { status: res.status, body, retryAfter: res.headers.get('retry-after'), cookie: res.headers.get('set-cookie') };
  }

  function expectLimited(answer: Awaited<ReturnType<typeof signIn>>): number {
    expect(answer.status).toBe(429);
    expect(answer.body.error?.code).toBe('rate_limited');
    const ms = answer.body.error?.retryAfterMs ?? 0;
    expect(ms).toBeGreaterThan(0);
    expect(Number(answer.retryAfter)).toBe(Math.max(1, Math.ceil(ms / 1000)));
    expect(answer.cookie).toBeNull();
    return ms;
  }

  it('a forged X-Forwarded-For does not give each guess a new address', async () => {
    const agent = await server.agent();
    for (let i = 0; i < 5; i++) expect((await signIn(agent.email, `guess ${i}`, '198.51.100.7', `10.9.8.${i}`)).status).toBe(401);
    // The right password, too, waits: the limit does not tell the attacker which guess was right.
    expectLimited(await signIn(agent.email, agent.password, '198.51.100.7', '10.9.8.200'));
  });

  it('guesses at one account from ever new addresses are spaced out, and the owner still gets in after the wait', async () => {
    const admin = await server.agent({ role: 'admin' });
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await signIn(admin.email, `guess ${i}`, `203.0.113.${i + 1}`));
    expect(answers.slice(0, 5).map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(2);
    const wait = Math.max(...limited.map(expectLimited));
    expect(wait).toBeLessThanOrEqual(5 * 60_000);

    await new Promise((resolve) => setTimeout(resolve, wait + 50));
    const owner = await signIn(admin.email, admin.password, '192.0.2.77');
    expect(owner.status).toBe(200);
    expect(owner.cookie).toMatch(/^cs_session=/);
  });

  it('password spraying from one address is throttled', async () => {
    const answers = [];
    for (let i = 0; i < 60; i++) answers.push(await signIn(`teacher${i}@school.test`, 'Spring2026!', '198.51.100.60'));
    const refused = answers.filter((a) => a.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(30);
    refused.forEach(expectLimited);
    expect(answers.every((a) => a.status === 401 || a.status === 429)).toBe(true);
    // Another address still signs in.
    const agent = await server.agent();
    expect((await signIn(agent.email, agent.password, '198.51.100.61')).status).toBe(200);
  });

  it('every address of an IPv6 /64 counts as one', async () => {
    const answers = [];
    for (let i = 0; i < 40; i++) answers.push(await signIn(`student${i}@school.test`, 'x', `2001:db8:5:6:${(i + 1).toString(16)}::1`));
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(10);
    const agent = await server.agent();
    expect((await signIn(agent.email, agent.password, '2001:db8:5:7::1')).status).toBe(200);
  });
});

describe('sign-in limits without a proxy', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('ignores X-Forwarded-For altogether', async () => {
    const agent = await server.agent();
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${server.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.0.${i}` },
        body: JSON.stringify({ email: agent.email, password: 'wrong' }),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
