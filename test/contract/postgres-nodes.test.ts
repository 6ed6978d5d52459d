// What only shows with several nodes on one PostgreSQL database: processes migrating an empty database at once,
// and two stores (two pools, as two nodes have) racing on one conversation, one ticket counter, one queued chat.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Store } from '../../server/domain/ports';
import { openPostgresStore } from '../../server/store/postgres/index';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { aConversation, aMessage, anAgent, anEndUser, anOrganisation } from '../support/records';
import { aTicket } from '../support/ticket-records';

/** Runs one migrating process to its end; resolves with its exit code and output. */
function migrateInProcess(url: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/contract/support/migrate-postgres.ts', url], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

describe('PostgreSQL: several nodes on one database', () => {
  let database: TestDatabase;
  let nodeA: Store;
  let nodeB: Store;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await nodeA?.close();
    await nodeB?.close();
    await database?.drop();
  });

  it('migrates an empty database once when four nodes start at the same moment', { timeout: 90_000 }, async () => {
    const runs = await Promise.all(Array.from({ length: 4 }, () => migrateInProcess(database.url)));
    for (const run of runs) expect(run, run.out).toMatchObject({ code: 0 });
    const client = new pg.Client(database.url);
    await client.connect();
    try {
      const applied = await client.query<{ name: string; n: string }>('select name, count(*) as n from kysely_migration group by name');
      expect(applied.rows.length).toBeGreaterThan(5);
      for (const row of applied.rows) expect(Number(row.n), row.name).toBe(1);
      const sequence = await client.query<{ found: string | null }>("select to_regclass('ticket_numbers')::text as found");
      expect(sequence.rows[0]?.found).toBe('ticket_numbers');
    } finally {
      await client.end();
    }
    nodeA = openPostgresStore(database.url, { max: 4 });
    nodeB = openPostgresStore(database.url, { max: 4 });
    await Promise.all([nodeA.migrate(), nodeB.migrate()]);
  });

  async function aChat() {
    const org = await nodeA.createOrganisation(anOrganisation());
    const user = await nodeA.createEndUser(anEndUser(org.id));
    const { conversation } = await nodeA.createConversation(aConversation(org.id, user.id));
    return { org, user, conversation };
  }

  it('numbers messages 1..N without gaps or duplicates when two nodes append to one conversation at once', async () => {
    const { user, conversation } = await aChat();
    const agent = await nodeB.createAgent(anAgent());
    const PER_NODE = 60;
    const visitorDrafts = Array.from({ length: PER_NODE }, () => aMessage(conversation.id, user.id));
    const agentDrafts = Array.from({ length: PER_NODE }, () => aMessage(conversation.id, agent.id, { authorKind: 'agent', authorName: 'Lin' }));
    // Every message is also resent once through the other node (a lost ack, a client that moved nodes).
    const sends = [
      ...visitorDrafts.map((m) => nodeA.appendMessage(m)),
      ...agentDrafts.map((m) => nodeB.appendMessage(m)),
      ...visitorDrafts.map((m) => nodeB.appendMessage({ ...m, id: randomUUID() })),
      ...agentDrafts.map((m) => nodeA.appendMessage({ ...m, id: randomUUID() })),
    ];
    const results = await Promise.all(sends);

    expect(results.filter((r) => r.created)).toHaveLength(2 * PER_NODE);
    const stored = await nodeB.listMessagesAfter(conversation.id, 0, 1_000);
    expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 2 * PER_NODE }, (_, i) => i + 1));
    expect(new Set(stored.map((m) => m.clientId)).size).toBe(2 * PER_NODE);
    // Each repeat answered with the stored original, whichever node it reached.
    const byClientId = new Map(stored.map((m) => [m.clientId, m]));
    for (const { message } of results) expect(message).toEqual(byClientId.get(message.clientId));
    expect((await nodeA.getConversation(conversation.id))?.lastSeq).toBe(2 * PER_NODE);
    // Each author's own messages keep the order each node stored them in.
    const visitorSeqs = stored.filter((m) => m.authorKind === 'visitor').map((m) => m.seq);
    expect(visitorSeqs).toEqual([...visitorSeqs].sort((a, b) => a - b));
  });

  it('gives tickets created on two nodes at once distinct consecutive numbers, and a repeated key none', async () => {
    const { org } = await aChat();
    const before = (await nodeA.listTickets({ limit: 1_000 })).length;
    const keyed = aTicket(org.id, { clientKey: `agent:x:${randomUUID()}` });
    const created = await Promise.all([
      ...Array.from({ length: 40 }, (_, i) => (i % 2 ? nodeA : nodeB).createTicket(aTicket(org.id), [])),
      nodeA.createTicket(keyed, []),
      nodeB.createTicket({ ...keyed, id: randomUUID() }, []),
    ]);
    expect(created.filter((c) => c.created)).toHaveLength(41);
    const numbers = created
      .filter((c) => c.created)
      .map((c) => c.ticket.number)
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 41 }, (_, i) => before + i + 1));
  });

  it('claims a queued chat for exactly one of two agents on two nodes', async () => {
    const { org, user } = await aChat();
    const agents = await Promise.all([nodeA.createAgent(anAgent({ capacity: 1 })), nodeB.createAgent(anAgent({ capacity: 1 }))]);
    const chats = await Promise.all(Array.from({ length: 6 }, () => nodeA.createConversation(aConversation(org.id, user.id))));
    // Both nodes try every chat for both agents at once: two seats, so exactly two claims win.
    const claims = await Promise.all(
      chats.flatMap(({ conversation }) =>
        agents.flatMap((agent) => [nodeA, nodeB].map((node) => node.claimConversation(conversation.id, agent.id, 10))),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(2);
    for (const agent of agents) expect(await nodeB.listAssigned(agent.id)).toHaveLength(1);
  });

  it('keeps one position per move when two nodes record moves of one chat at once', async () => {
    const { conversation } = await aChat();
    const moves = Array.from({ length: 30 }, (_, i) => ({
      id: randomUUID(),
      conversationId: conversation.id,
      kind: 'requeued' as const,
      actor: null,
      from: null,
      to: null,
      toTarget: 'L1' as const,
      reason: null,
      note: `move ${i}`,
      createdAt: 50,
    }));
    await Promise.all(moves.map((move, i) => (i % 2 ? nodeA : nodeB).recordMove(move)));
    const stored = await nodeA.listMoves(conversation.id);
    expect(stored).toHaveLength(30);
    expect(new Set(stored.map((m) => m.id)).size).toBe(30);
    const client = new pg.Client(database.url);
    await client.connect();
    try {
      const positions = await client.query<{ position: number }>('select position from chat_moves where conversation_id = $1 order by position', [
        conversation.id,
      ]);
      expect(positions.rows.map((r) => r.position)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    } finally {
      await client.end();
    }
  });

  it('fails as unavailable, never as a crash, when PostgreSQL ends its connections, and recovers on the next call', async () => {
    const admin = new pg.Client(database.url);
    await admin.connect();
    const outcome = (call: Promise<unknown>) =>
      call.then(
        () => 'ok',
        (error: { code?: string }) => String(error.code),
      );
    let during: string[];
    try {
      // What a restart or a failover does to every open connection, here while calls are on their way.
      const calls = Array.from({ length: 40 }, () => outcome(nodeA.listAgents()));
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
      during = await Promise.all(calls);
    } finally {
      await admin.end();
    }
    const outcomes = [...during];
    for (let i = 0; i < 3; i++) outcomes.push(await outcome(nodeA.countAgents()));
    // A call that met a dead connection says `unavailable` (the domain's typed error); the pool then opens new ones.
    for (const outcome of outcomes) expect(['ok', 'unavailable']).toContain(outcome);
    expect(outcomes.at(-1)).toBe('ok');
  });
});
