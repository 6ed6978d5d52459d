// Two real servers on one PostgreSQL database and one Redis: four students of one classroom, two on each
// node, degrade together. Both nodes see the whole classroom (reports are forwarded through Redis) and both judge
// an incident due, but the claim in the database lets exactly one of them open it: one incident, one ticket, one
// notice per student wherever their connection is. Bounded in time: fast rules, and the test gives up after 30 s.
// Both nodes run in this process (real Socket.IO servers, real Redis Streams adapter, one real PostgreSQL).
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentNotice, IncidentView } from '../../shared/incidents';
import { DEFAULT_QUALITY_RULES, type QualityReport } from '../../shared/quality';
import type { Organisation } from '../../server/domain/records';
import { apiCaller, dataOf } from '../support/api-call';
import { REDIS_TEST_URL } from '../support/cluster';
import { nextEvent, okData, request, startTestServer, type TestServer, type VisitorClient } from '../support/server';
import { chooseTestDatabase, type TestDatabaseChoice } from '../support/test-store';

const BAD: QualityReport = {
  samples: 5,
  periodMs: 5_000,
  rttMs: 850,
  packetLossPct: 9,
  jitterMs: 140,
  freezes: 3,
  audioLevelLow: false,
  sdkNetworkQuality: 5,
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('incidents on two nodes sharing one database and one Redis', () => {
  const prefix = `cs-test-${randomBytes(6).toString('hex')}`;
  let database: TestDatabaseChoice;
  let a: TestServer;
  let b: TestServer;
  let org: Organisation;

  beforeAll(async () => {
    database = await chooseTestDatabase({ store: 'postgres' });
    const shared = { databaseUrl: database.databaseUrl as string, redisUrl: REDIS_TEST_URL, redisPrefix: prefix };
    a = await startTestServer(shared);
    b = await startTestServer(shared);
    org = await a.organisation({ identityRequired: false, name: 'Maple School' });
  }, 60_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.release();
    const redis = new Redis(REDIS_TEST_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }, 30_000);

  it('users on both nodes degrade: exactly one incident, each of them told once', async () => {
    // Degraded after 1 s, the incident after 1 s more; set on each node so neither waits for its rules cache.
    const fast = {
      ...DEFAULT_QUALITY_RULES,
      user: { ...DEFAULT_QUALITY_RULES.user, degradedAfterMs: 1_000 },
      incident: { ...DEFAULT_QUALITY_RULES.incident, afterMs: 1_000 },
    };
    const calls = await Promise.all(
      [a, b].map(async (node) => apiCaller(node.url, { cookie: await node.signIn('admin@example.com', 'admin-password') })),
    );
    for (const call of calls) dataOf(await call('PUT', `/api/admin/organisations/${org.id}/quality-rules`, { rules: fast }));

    const students: { socket: VisitorClient; notices: IncidentNotice[] }[] = [];
    for (const [i, node] of [a, a, b, b].entries()) {
      const socket = node.visitor({ appKey: org.appKey, name: `Student ${i + 1}` });
      const notices: IncidentNotice[] = [];
      socket.on('incident:notice', (n) => notices.push(n));
      await nextEvent(socket, 'session');
      students.push({ socket, notices });
    }
    const started = Date.now();
    // Bad reports every 2.1 s (the per-connection floor is 2 s) until everyone has heard of the incident.
    while (students.some((s) => s.notices.length === 0)) {
      if (Date.now() - started > 30_000) throw new Error(`no incident within 30 s: ${students.map((s) => s.notices.length).join(', ')}`);
      for (const s of students) okData(await request(s.socket, 'quality:report', { ...BAD, classroomId: 'physics-101' }));
      await sleep(2_100);
    }
    // A little longer: a second opening (or a second notice) would show by now.
    for (const s of students) okData(await request(s.socket, 'quality:report', { ...BAD, classroomId: 'physics-101' }));
    await sleep(2_500);

    expect(students.map((s) => s.notices.length)).toEqual([1, 1, 1, 1]);
    expect(new Set(students.map((s) => s.notices[0]!.ticketId)).size).toBe(1);
    for (const call of calls) {
      const incidents = dataOf(await call<IncidentView[]>('GET', '/api/incidents'));
      expect(incidents).toHaveLength(1);
      expect(incidents[0]).toMatchObject({ classroomId: 'physics-101', affectedUsers: 4, resolvedAt: null });
    }
    const tickets = await a.services.store.listTickets({ limit: 50, organisationId: org.id });
    expect(tickets.filter((t) => t.kind === 'incident')).toHaveLength(1);
    // The losing node used up no ticket number: the incident is ticket 1.
    expect(tickets.find((t) => t.kind === 'incident')?.number).toBe(1);
    for (const s of students) s.socket.disconnect();
  }, 60_000);
});
