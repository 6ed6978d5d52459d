// Notices and languages: system messages become codes with parameters (the English text stored before is mapped
// back to its code, unknown text kept as a plain text notice); agents get a console language, canned replies one.
import { sql, type Kysely } from 'kysely';

/** Just the columns the back-fill below touches. */
interface Columns {
  messages: { id: string; author_kind: string; text: string; notice: string | null };
  tickets: { id: string; transcript: string };
}

const TIER: Record<string, string> = { 'a support engineer': 'L1', 'a senior engineer': 'L2', 'your account manager': 'account_manager' };
const NEXT: Record<string, string> = {
  'another support engineer': 'L1',
  'a senior engineer': 'L2',
  'your account manager': 'account_manager',
  'a support supervisor': 'supervisors',
};

/**
 * The notice an English system message stored before this migration stood for. The patterns are those the
 * server wrote up to now, frozen here on purpose: later template changes must not change what old rows mean.
 */
export function noticeFromLegacyText(text: string): Record<string, unknown> {
  let m = /^You are now talking to (.+), (a support engineer|a senior engineer|your account manager)\.$/s.exec(text);
  if (m) return { code: 'assigned', agent: m[1], tier: TIER[m[2]!] };
  m =
    /^We are bringing in (another support engineer|a senior engineer|your account manager|a support supervisor)(?:, (.+))?\. You stay at the front of the queue\.$/s.exec(
      text,
    );
  if (m) return m[2] ? { code: 'bringing_in', target: NEXT[m[1]!], manager: m[2] } : { code: 'bringing_in', target: NEXT[m[1]!] };
  m =
    /^(.+) (lost their connection|is no longer available)\. You are back at the front of the queue, and the next free engineer will continue with you\.$/s.exec(
      text,
    );
  // "No longer available" was written for a deactivated agent and for one who signed out alike.
  if (m) return { code: 'agent_left', agent: m[1], reason: m[2] === 'lost their connection' ? 'agent_away' : 'signed_out' };
  m = /^We turned this chat into ticket (\S+)\. Follow it under Tickets; we will reply there\.$/s.exec(text);
  if (m) return { code: 'chat_ticket_by_customer', ticket: m[1] };
  m = /^Ticket (\S+) was created for this chat: "(.*)"\. You can follow it under Tickets\.$/s.exec(text);
  if (m) return { code: 'chat_ticket_by_agent', ticket: m[1], subject: m[2] };
  return { code: 'text', text };
}

/** Rows per batch: bounded memory on a large history. */
const BATCH = 500;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('messages').addColumn('notice', 'text').execute();
  // The console's language the agent chose; null: the browser's.
  await db.schema.alterTable('agents').addColumn('locale', 'text').execute();
  // The language a canned reply is written in (the "/" picker offers the user's language first).
  await db.schema
    .alterTable('canned_replies')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
    .execute();

  const typed = db as unknown as Kysely<Columns>;
  let after = '';
  for (;;) {
    const rows = await typed
      .selectFrom('messages')
      .select(['id', 'text'])
      .where('author_kind', '=', 'system')
      .where('notice', 'is', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      const notice = JSON.stringify(noticeFromLegacyText(row.text));
      await typed.updateTable('messages').set({ notice, text: '' }).where('id', '=', row.id).execute();
    }
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1]!.id;
  }

  // Tickets keep a copy of their chat: its system lines get their notices too.
  after = '';
  for (;;) {
    const rows = await typed
      .selectFrom('tickets')
      .select(['id', 'transcript'])
      .where('id', '>', after)
      .where(sql<boolean>`transcript like ${'%"authorKind":"system"%'}`)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      const lines = JSON.parse(row.transcript) as Array<{ authorKind: string; text: string; notice?: unknown }>;
      const mapped = lines.map((l) => (l.authorKind === 'system' && !l.notice ? { ...l, text: '', notice: noticeFromLegacyText(l.text) } : l));
      await typed
        .updateTable('tickets')
        .set({ transcript: JSON.stringify(mapped) })
        .where('id', '=', row.id)
        .execute();
    }
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1]!.id;
  }
}
