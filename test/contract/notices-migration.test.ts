// Migration 012 on both stores: system messages stored as English text before notices had codes become notices
// (known texts mapped back to their codes, unknown text kept as a plain text notice), in chats and in the
// transcripts tickets copied; agents and canned replies get a language.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { renderNotice, type Notice } from '../../shared/notices';
import { kyselyStore } from '../../server/store/kysely/store';
import type { DialectTraits } from '../../server/store/kysely/dialect';
import { migrationProvider } from '../../server/store/migrations/index';
import type { Database } from '../../server/store/schema';
import { postgresTraits, TICKET_NUMBER_SEQUENCE } from '../../server/store/postgres/traits';
import { sqliteTraits } from '../../server/store/sqlite/traits';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { aConversation, anEndUser, anOrganisation } from '../support/records';
import { aTicket } from '../support/ticket-records';

/** What the server wrote before migration 012, and the notice each must become. */
const OLD_ROWS: Array<[string, Notice]> = [
  ['You are now talking to Li Wei, a senior engineer.', { code: 'assigned', agent: 'Li Wei', tier: 'L2' }],
  ['You are now talking to Lin, Agent, a support engineer.', { code: 'assigned', agent: 'Lin, Agent', tier: 'L1' }],
  [
    'We are bringing in your account manager, Mia. You stay at the front of the queue.',
    { code: 'bringing_in', target: 'account_manager', manager: 'Mia' },
  ],
  ['We are bringing in a support supervisor. You stay at the front of the queue.', { code: 'bringing_in', target: 'supervisors' }],
  [
    'Sam lost their connection. You are back at the front of the queue, and the next free engineer will continue with you.',
    { code: 'agent_left', agent: 'Sam', reason: 'agent_away' },
  ],
  [
    'Ticket CS-000001 was created for this chat: "No sound: "physics"". You can follow it under Tickets.',
    { code: 'chat_ticket_by_agent', ticket: 'CS-000001', subject: 'No sound: "physics"' },
  ],
  [
    'We turned this chat into ticket CS-000042. Follow it under Tickets; we will reply there.',
    { code: 'chat_ticket_by_customer', ticket: 'CS-000042' },
  ],
  ['The classroom service restarts at 18:00.', { code: 'text', text: 'The classroom service restarts at 18:00.' }],
];

async function migrationRun(db: Kysely<Database>, traits: DialectTraits, prepare?: () => Promise<unknown>) {
  // An installation with every migration but 012 (others land in any order; see kysely/store.ts).
  const all = await migrationProvider.getMigrations();
  const without012 = Object.fromEntries(Object.entries(all).filter(([name]) => !name.startsWith('012-')));
  const before = await new Migrator({ db, provider: { getMigrations: async () => without012 }, allowUnorderedMigrations: true }).migrateToLatest();
  if (before.error) throw before.error;
  const migrator = new Migrator({ db, provider: migrationProvider, allowUnorderedMigrations: true });
  await prepare?.();
  const store = kyselyStore(db, traits);

  // The rows an installation had before 012: a chat with the server's English messages and a visitor's line
  // that reads like one (visitors' words are never touched), and a ticket that copied the chat.
  const org = await store.createOrganisation(anOrganisation());
  const user = await store.createEndUser(anEndUser(org.id));
  const { conversation } = await store.createConversation(aConversation(org.id, user.id));
  const texts = [...OLD_ROWS.map(([text]) => text), OLD_ROWS[0]![0]];
  await db
    .insertInto('messages')
    .values(
      texts.map((text, i) => {
        const visitor = i === texts.length - 1;
        return {
          id: `m${String(i).padStart(3, '0')}`,
          conversation_id: conversation.id,
          seq: i + 1,
          client_id: visitor ? `c${i}` : null,
          author_kind: visitor ? 'visitor' : 'system',
          author_id: visitor ? user.id : null,
          author_name: visitor ? user.name : 'Classroom Support',
          text,
          created_at: 5_000 + i,
        } as never;
      }),
    )
    .execute();
  await db.updateTable('conversations').set({ last_seq: texts.length }).where('id', '=', conversation.id).execute();
  const transcript = texts.map((text, i) => ({
    authorKind: i === texts.length - 1 ? 'visitor' : 'system',
    authorName: 'x',
    text,
    createdAt: 5_000 + i,
  }));
  const { ticket } = await store.createTicket(aTicket(org.id, { transcript: transcript as never }), []);
  await sql`insert into canned_replies (id, shortcut, title, text, updated_at) values ('r1', 'audio', 'Audio', 'Check the microphone', 1)`.execute(
    db,
  );

  const after = await migrator.migrateToLatest();
  if (after.error) throw after.error;

  const messages = await store.listMessagesAfter(conversation.id, 0, 100);
  const raw = await db.selectFrom('messages').select(['text', 'notice', 'author_kind']).orderBy('seq').execute();
  const migratedTicket = await store.getTicket(ticket.id);
  const canned = await sql<{ locale: string }>`select locale from canned_replies`.execute(db);
  const agentLocale = await sql<{
    name: string;
  }>`select column_name as name from information_schema.columns where table_name = 'agents' and column_name = 'locale'`
    .execute(db)
    .catch(() => null);
  return { messages, raw, ticket: migratedTicket!, canned: canned.rows, agentLocale };
}

function expectMigrated(result: Awaited<ReturnType<typeof migrationRun>>) {
  const expected = OLD_ROWS.map(([, notice]) => notice);
  // Every system message is now its notice; the English stays what clients without codes read.
  expect(result.messages.slice(0, -1).map((m) => m.notice)).toEqual(expected);
  expect(result.messages.slice(0, -1).map((m) => m.text)).toEqual(OLD_ROWS.map(([text]) => text));
  // No language is stored for them any more: only the code and its parameters.
  for (const row of result.raw.filter((r) => r.author_kind === 'system')) expect(row.text).toBe('');
  // The visitor's words that happen to look like a notice stay words.
  const visitor = result.messages.at(-1)!;
  expect(visitor).toMatchObject({ authorKind: 'visitor', notice: null, text: OLD_ROWS[0]![0] });
  // The ticket's copy of the chat got the same notices.
  expect(result.ticket.transcript.slice(0, -1).map((l) => l.notice)).toEqual(expected);
  expect(result.ticket.transcript.at(-1)!.notice).toBeUndefined();
  // The same old row now reads in Chinese for a Chinese reader.
  expect(renderNotice(result.messages[0]!.notice!, 'zh-CN')).toBe('现在为您服务的是高级工程师 Li Wei。');
  expect(result.canned).toEqual([{ locale: 'en' }]);
}

describe('migration 012: notices and languages', () => {
  const dirs: string[] = [];
  let database: TestDatabase | null = null;
  afterAll(async () => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await database?.drop();
  });

  it('turns old English system messages into notices on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-012-'));
    dirs.push(dir);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(join(dir, 'support.sqlite')) }) });
    try {
      const result = await migrationRun(db, sqliteTraits);
      expectMigrated(result);
      const columns = await sql<{ name: string }>`select name from pragma_table_info('agents') where name = 'locale'`.execute(db);
      expect(columns.rows).toHaveLength(1);
    } finally {
      await db.destroy();
    }
  });

  it('turns old English system messages into notices on PostgreSQL', async () => {
    database = await createTestDatabase();
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 2 }) }) });
    try {
      // The ticket number sequence the PostgreSQL store creates after migrating (see postgres/migrate.ts).
      const result = await migrationRun(db, postgresTraits, () => sql`create sequence ${sql.id(TICKET_NUMBER_SEQUENCE)}`.execute(db));
      expectMigrated(result);
      expect(result.agentLocale?.rows).toEqual([{ name: 'locale' }]);
    } finally {
      await db.destroy();
    }
  }, 60_000);
});
