// New anonymous identities from one address, 300 at once, against a real server: beyond the per-address
// limit each handshake is refused with `rate_limited` and a retry-after, and no identity is created for it.
// A visitor who already has an identity is never counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VisitorSession } from '../../shared/protocol';
import type { Organisation } from '../../server/domain/records';
import { FLOOD_LIMITS } from '../../server/domain/limits/flood-limits';
import { nextEvent, startTestServer, type TestServer, type VisitorClient } from '../support/server';
import { countRows } from './flood-support';

type Outcome = { connected: true; socket: VisitorClient } | { connected: false; code?: string; retryAfterMs?: number };

function outcome(socket: VisitorClient): Promise<Outcome> {
  return new Promise((resolve) => {
    socket.once('session', () => resolve({ connected: true, socket }));
    socket.once('connect_error', (err: Error & { data?: { code?: string; retryAfterMs?: number } }) =>
      resolve({ connected: false, code: err.data?.code, retryAfterMs: err.data?.retryAfterMs }),
    );
  });
}

describe('anonymous identity floods', () => {
  let server: TestServer;
  let org: Organisation;
  beforeAll(async () => {
    server = await startTestServer();
    org = await server.organisation({ identityRequired: false });
  });
  afterAll(() => server.stop());

  it('of 300 new anonymous visitors from one address at once, creates only what the limit allows and tells the rest when to retry', async () => {
    const returning = server.visitor({ appKey: org.appKey, name: 'Returning' });
    const { visitorToken } = await nextEvent<VisitorSession>(returning, 'session');
    returning.disconnect();
    const before = countRows(server.dataDir, 'end_users');

    const outcomes = await Promise.all(Array.from({ length: 300 }, (_, i) => outcome(server.visitor({ appKey: org.appKey, name: `Bot ${i}` }))));
    const connected = outcomes.filter((o) => o.connected);
    const refused = outcomes.filter((o): o is Extract<Outcome, { connected: false }> => !o.connected);
    const { rate, burst } = FLOOD_LIMITS['anonymous.identity'];
    expect(connected.length).toBeLessThanOrEqual(rate.points + (burst?.points ?? 0));
    expect(connected.length).toBeGreaterThanOrEqual(40);
    expect(refused.length).toBe(300 - connected.length);
    for (const r of refused) {
      expect(r.code).toBe('rate_limited');
      expect(r.retryAfterMs).toBeGreaterThan(0);
    }
    expect(countRows(server.dataDir, 'end_users') - before).toBe(connected.length);
    for (const o of connected) if (o.connected) o.socket.disconnect();
    console.info(`flood: 300 new anonymous visitors from one address → ${connected.length} created, ${refused.length} refused with rate_limited`);

    // The limit is spent, yet someone who already has an identity comes back.
    const back = server.visitor({ appKey: org.appKey, visitorToken });
    expect(await outcome(back)).toMatchObject({ connected: true });
  }, 60_000);
});
