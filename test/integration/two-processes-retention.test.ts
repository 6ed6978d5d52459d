// Two real server processes on one database (SQLite, or PostgreSQL with TEST_STORE=postgres) both start with a
// retention run due: the run is claimed in the database by one of them, so old data and its files are deleted
// once, and one run is recorded.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RETENTION_JOB } from '../../server/domain/privacy/privacy-services';
import { DAY_MS } from '../../server/domain/privacy/retention';
import type { Store } from '../../server/domain/ports';
import { aConversation, aMessage, anEndUser } from '../support/records';
import { freePort, seedDeployment, startServerProcess, type Deployment, type ServerProcess } from '../support/server-process';
import { aTicket } from '../support/ticket-records';

describe('retention with two server processes sharing one database', () => {
  let deployment: Deployment;
  const processes: ServerProcess[] = [];

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await deployment?.remove();
  });

  const withStore = async <T>(use: (store: Store) => Promise<T>): Promise<T> => {
    const store = deployment.openStore();
    try {
      return await use(store);
    } finally {
      await store.close();
    }
  };

  it('runs the due job once, whichever process claims it', async () => {
    deployment = await seedDeployment({ agents: 1, capacity: 1 });
    const now = Date.now();
    const seeded = await withStore(async (store) => {
      const org = (await store.listOrganisations())[0];
      if (!org) throw new Error('no organisation');
      await store.setRetentionDays(org.id, 7);
      const user = await store.createEndUser(anEndUser(org.id));
      const chat = async (closedAt: number) => {
        const { conversation } = await store.createConversation(aConversation(org.id, user.id, { createdAt: closedAt - 1000 }));
        await store.appendMessage(aMessage(conversation.id, user.id));
        await store.closeConversation(conversation.id, closedAt);
        return conversation.id;
      };
      const ticket = async (closedAt: number) => {
        const { ticket: created } = await store.createTicket(aTicket(org.id, { status: 'closed', closedAt, createdAt: closedAt - 1000 }), []);
        const id = randomUUID();
        const storageKey = `${created.id}/${id}`;
        mkdirSync(join(deployment.dataDir, 'attachments', created.id), { recursive: true });
        writeFileSync(join(deployment.dataDir, 'attachments', storageKey), 'bytes');
        const attachment = {
          id,
          ticketId: created.id,
          name: 'log.txt',
          type: 'text/plain',
          size: 5,
          storageKey,
          uploadedByKind: 'agent' as const,
          uploadedById: null,
          uploadedByName: 'Lin',
          createdAt: closedAt,
          uploadKey: null,
        };
        await store.saveTicket(created, { events: [], attachment });
        return { id: created.id, file: join(deployment.dataDir, 'attachments', storageKey) };
      };
      return {
        org,
        oldChat: await chat(now - 10 * DAY_MS),
        newChat: await chat(now - DAY_MS),
        oldTicket: await ticket(now - 9 * DAY_MS),
        newTicket: await ticket(now - 2 * DAY_MS),
      };
    });

    // Both start at the same time; each looks for a due run as it starts.
    processes.push(...(await Promise.all([0, 1].map(async () => startServerProcess(deployment, await freePort())))));
    // Both have looked once they answer; give the winner time to finish its run.
    const deadline = Date.now() + 15_000;
    while (existsSync(seeded.oldTicket.file) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1_000));

    await withStore(async (store) => {
      // The run audits itself after its last purge (files, chats, tickets, quality minutes): wait for that entry.
      await expect
        .poll(async () => (await store.listAudit({ action: 'retention.purged', limit: 10 })).length, { timeout: 10_000 })
        .toBeGreaterThan(0);
      expect(await store.getJob(RETENTION_JOB)).toMatchObject({ runs: 1 });
      expect((await store.getJob(RETENTION_JOB))?.nextRunAt).toBeGreaterThan(Date.now() + 30 * 60_000);
      const runs = await store.listAudit({ action: 'retention.purged', limit: 10 });
      expect(runs).toHaveLength(1);
      expect(runs[0]?.details).toMatchObject({ days: 7, conversations: 1, tickets: 1, files: 1 });
      expect(await store.getConversation(seeded.oldChat)).toBeNull();
      expect(await store.getConversation(seeded.newChat)).not.toBeNull();
      expect(await store.getTicket(seeded.oldTicket.id)).toBeNull();
      expect(await store.getTicket(seeded.newTicket.id)).not.toBeNull();
    });
    expect(existsSync(seeded.oldTicket.file)).toBe(false);
    expect(existsSync(seeded.newTicket.file)).toBe(true);
  }, 60_000);
});
