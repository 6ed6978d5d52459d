// Ticket numbers from the `counters` row: bumped in the creating transaction, so a failed creation rolls the
// bump back and numbers stay consecutive. Used where writes are serialised anyway (SQLite).
import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema';

export async function counterTicketNumber(trx: Transaction<Database>): Promise<number> {
  // The write takes the write lock first, so concurrent creations queue here.
  const counter = await trx
    .updateTable('counters')
    .set({ value: sql<number>`value + 1` })
    .where('name', '=', 'tickets')
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(counter.value);
}
