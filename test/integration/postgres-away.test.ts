// PostgreSQL away: a node keeps running, writes fail with the typed `unavailable` error (HTTP 503) and are not
// acknowledged, and once the database is back the same client ids go through, each stored once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChaosProxy, type ChaosProxy } from '../support/chaos-proxy';
import { createTestDatabase, databaseUrl, type TestDatabase } from '../support/postgres';
import { connectError, newClientId, nextEvent, okData, request, startTestServer, type TestServer } from '../support/server';

describe('PostgreSQL away', () => {
  let database: TestDatabase;
  let proxy: ChaosProxy;
  let server: TestServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    // The node reaches PostgreSQL only through a proxy the test can cut, as a network partition would.
    proxy = await startChaosProxy(5432);
    const proxied = new URL(databaseUrl(database.name));
    proxied.port = String(proxy.port);
    server = await startTestServer({ databaseUrl: proxied.toString(), databasePoolSize: 4 });
  });

  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
    await database?.drop();
  });

  it('refuses writes as unavailable while it is away, and stores each resent message once when it is back', { timeout: 60_000 }, async () => {
    const org = await server.organisation({ identityRequired: false });
    const student = server.visitor({ appKey: org.appKey, name: 'Ada' });
    await nextEvent(student, 'session');
    const chat = okData(await request(student, 'conversation:start', { clientId: newClientId(), context: {} }));
    const first = okData(await request(student, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'before' }));
    expect(first.seq).toBe(1);

    proxy.setDown(true);
    const during = { conversationId: chat.id, clientId: newClientId(), text: 'while the database is away' };
    const startedAt = Date.now();
    const refused = await request(student, 'message:send', during);
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    // Bounded: the node answers within its connect timeout, not when a TCP timeout finally fires.
    expect(Date.now() - startedAt).toBeLessThan(8_000);
    // REST says 503 with the same code; a new visitor's handshake is refused with it too.
    const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com', password: 'admin-password' }),
    });
    expect(signIn.status).toBe(503);
    expect(await signIn.json()).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await connectError(server.visitor({ appKey: org.appKey, name: 'Bo' }))).toMatchObject({ code: 'unavailable' });
    // The node itself stays up: other nodes share the same database, so a balancer must not pull it (docs/scaling.md).
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    // Background work (the one-second routing sweep, SLA timers, presence) runs into the outage and must survive it.
    await new Promise((r) => setTimeout(r, 2_500));
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    proxy.setDown(false);
    // The outbox resends the same client id until it is acked; the first try that reaches the database stores it.
    const stored = await resend(() => request(student, 'message:send', during));
    expect(stored).toMatchObject({ seq: 2, clientId: during.clientId, text: during.text });
    expect(okData(await request(student, 'message:send', during))).toEqual(stored);
    const history = okData(await request(student, 'history:fetch', { conversationId: chat.id, afterSeq: 0 }));
    expect(history.messages.map((m) => [m.seq, m.text])).toEqual([
      [1, 'before'],
      [2, 'while the database is away'],
    ]);
  });
});

/** Tries again every 250 ms while the answer is `unavailable` (the pool may still hold connections the cut broke). */
async function resend<T>(send: () => Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const result = await send();
    if (result.ok) return result.data;
    if (result.error.code !== 'unavailable' || Date.now() > deadline) throw new Error(`${result.error.code}: ${result.error.message}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
