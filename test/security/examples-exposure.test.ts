// Hole 3: the example host's token signer mints a demo identity for any user id, and its TypeScript source was
// served. On by default for loopback clients only; for others only with SUPPORT_EXAMPLES=1; only the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/config';
import { startTestServer, type TestServer } from '../support/server';

/** A client somewhere else, as a trusted proxy in front of the server reports it. */
const REMOTE = { 'x-forwarded-for': '203.0.113.9' };

async function get(server: TestServer, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, { headers });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

describe('the examples by default', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ examples: true, trustProxy: 1 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('serves the page and signs tokens for a loopback client (the quick start)', async () => {
    const page = await get(server, '/examples/classroom/');
    expect(page.status).toBe(200);
    expect(page.type).toContain('text/html');
    const identity = await get(server, '/examples/classroom/identity?user=s1&name=Ada');
    expect(identity.status).toBe(200);
    expect(JSON.parse(identity.text)).toEqual({ token: expect.stringMatching(/^ey/) });
  });

  it('refuses a client on another machine: no page, no token', async () => {
    for (const path of ['/examples/classroom/', '/examples/classroom/identity?user=teacher-1&role=teacher']) {
      const answer = await get(server, path, REMOTE);
      expect(answer.status).toBe(404);
      expect(JSON.parse(answer.text)).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(answer.text).not.toContain('token"');
    }
  });

  it('never serves source files, even to loopback', async () => {
    for (const path of [
      '/examples/classroom/host-backend.ts',
      '/examples/classroom/../classroom/host-backend.ts',
      '/examples/classroom/host-backend',
      // The Vite example is served from its build output only.
      '/examples/vite/main.ts',
      '/examples/vite/vite.config.ts',
      '/examples/vite/../classroom/host-backend.ts',
      '/examples/vite/%2e%2e/classroom/host-backend.ts',
    ]) {
      const answer = await get(server, path);
      expect(answer.status).toBe(404);
      expect(answer.text).not.toContain('SignJWT');
    }
  });
});

describe('the examples with SUPPORT_EXAMPLES', () => {
  it('serves every client with 1, and nobody with 0', async () => {
    const everyone = await startTestServer({ ...pick(configFromEnv({ SUPPORT_EXAMPLES: '1' })), trustProxy: 1 });
    try {
      expect((await get(everyone, '/examples/classroom/identity?user=s1', REMOTE)).status).toBe(200);
    } finally {
      await everyone.stop();
    }
    const nobody = await startTestServer({ ...pick(configFromEnv({ SUPPORT_EXAMPLES: '0' })), trustProxy: 1 });
    try {
      expect((await get(nobody, '/examples/classroom/')).status).toBe(404);
      expect((await get(nobody, '/examples/classroom/identity?user=s1')).status).toBe(404);
    } finally {
      await nobody.stop();
    }
  });
});

/** Only the examples settings of a configuration read from the environment. */
const pick = ({ examples, examplesForEveryone }: ReturnType<typeof configFromEnv>) => ({ examples, examplesForEveryone });
