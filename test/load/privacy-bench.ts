// `npx tsx test/load/privacy-bench.ts`: the personal-data operations on a SQLite file with a realistic school's
// history — erase and export one person, find people by name, and the retention run that deletes everything
// (longest batch = longest time the run holds the database's write lock). Options: --chats 5000 --messages 5
// --tickets 1000 --users 100.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { EndUser } from '../../server/domain/records';
import { openSqliteStore } from '../../server/store/sqlite/index';
import { aConversation, aMessage, anEndUser, anOrganisation } from '../support/records';
import { aTicket } from '../support/ticket-records';

const { values } = parseArgs({
  options: {
    chats: { type: 'string', default: '5000' },
    messages: { type: 'string', default: '5' },
    tickets: { type: 'string', default: '1000' },
    users: { type: 'string', default: '100' },
  },
});
const [CHATS, MESSAGES, TICKETS, USERS] = [values.chats, values.messages, values.tickets, values.users].map(Number) as [
  number,
  number,
  number,
  number,
];

const timed = async <T>(what: (result: T) => string, run: () => Promise<T>): Promise<T> => {
  const start = performance.now();
  const result = await run();
  console.log(`${what(result)}: ${(performance.now() - start).toFixed(0)} ms`);
  return result;
};

const dir = mkdtempSync(join(tmpdir(), 'cs-privacy-bench-'));
const store = openSqliteStore(join(dir, 'support.sqlite'));
try {
  await store.migrate();
  const org = await store.createOrganisation(anOrganisation());
  const users: EndUser[] = [];
  for (let i = 0; i < USERS; i++) users.push(await store.createEndUser(anEndUser(org.id, { name: `Student ${i}` })));
  const userOf = (i: number): EndUser => users[i % USERS] as EndUser;
  await timed(
    () => `seeded ${CHATS} closed chats × ${MESSAGES} messages and ${TICKETS} closed tickets over ${USERS} people`,
    async () => {
      for (let i = 0; i < CHATS; i++) {
        const { conversation } = await store.createConversation(aConversation(org.id, userOf(i).id, { createdAt: 100 }));
        for (let m = 0; m < MESSAGES; m++) await store.appendMessage(aMessage(conversation.id, userOf(i).id, { createdAt: 100 }));
        await store.closeConversation(conversation.id, 500);
      }
      for (let i = 0; i < TICKETS; i++) await store.createTicket(aTicket(org.id, { status: 'closed', closedAt: 500, endUserId: userOf(i).id }), []);
    },
  );
  await timed(
    (r) => `erase one person (${r.conversations} chats, ${r.messages} messages, ${r.tickets} tickets)`,
    () => store.eraseEndUser(userOf(0).id, 1_000, 'Erased user', '(erased)'),
  );
  await timed(
    (r) => `export one person (${r?.conversations.length} chats, ${r?.tickets.length} tickets)`,
    () => store.endUserRecords(userOf(1).id),
  );
  await timed(
    (r) => `search "student 4" (${r.length} found)`,
    () => store.searchEndUsers('student 4', 50),
  );
  let longest = 0;
  await timed(
    (r) =>
      `retention run: ${r.conversations} chats and ${r.tickets} tickets in ${r.batches} batches of ≤ 200, longest batch ${longest.toFixed(0)} ms`,
    async () => {
      const total = { conversations: 0, tickets: 0, batches: 0 };
      for (;;) {
        const start = performance.now();
        const batch = await store.purgeClosedBefore(org.id, 1_000, 200);
        longest = Math.max(longest, performance.now() - start);
        total.batches += 1;
        total.conversations += batch.conversations;
        total.tickets += batch.tickets;
        if (batch.conversations < 200 && batch.tickets < 200) return total;
      }
    },
  );
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
