// How PostgreSQL differs behind the shared Kysely queries: its unique-violation code, and ticket numbers
// from a sequence rather than one counter row every creation on every node would queue behind.
import { sql, type Transaction } from 'kysely';
import type { DialectTraits } from '../kysely/dialect';
import type { Database } from '../schema';
import { appendMessageInOneStatement } from './append-message';

export const TICKET_NUMBER_SEQUENCE = 'ticket_numbers';
/** First key of the two-key advisory locks taken per ticket client key (any constant unlikely to clash). */
const CLIENT_KEY_LOCK_SPACE = 0x7469636b; // "tick"

export const postgresTraits: DialectTraits = {
  appendMessage: appendMessageInOneStatement,

  isUniqueViolation: (error) => typeof error === 'object' && error !== null && 'code' in error && error.code === '23505',

  async nextTicketNumber(trx: Transaction<Database>, clientKey: string | null): Promise<number | null> {
    if (clientKey !== null) {
      // A sequence value is used up even when the transaction rolls back, so a repeated request must find the
      // first one's ticket before taking a number: requests with one key queue on this lock (held to commit),
      // and the next statement's snapshot sees what the previous holder committed.
      await sql`select pg_advisory_xact_lock(${sql.lit(CLIENT_KEY_LOCK_SPACE)}, hashtext(${clientKey}))`.execute(trx);
      const taken = await trx.selectFrom('tickets').select('id').where('client_key', '=', clientKey).executeTakeFirst();
      if (taken) return null;
    }
    const { rows } = await sql<{ n: number }>`select nextval(${TICKET_NUMBER_SEQUENCE}) as n`.execute(trx);
    const n = rows[0]?.n;
    if (n === undefined) throw new Error('nextval returned no row');
    return Number(n);
  },
};
