// What differs between SQL engines behind the one set of Kysely queries.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { NewMessage } from '../../domain/records';
import type { ConversationsTable, Database } from '../schema';

export interface DialectTraits {
  /** True if the error is a unique-constraint violation. */
  isUniqueViolation(error: unknown): boolean;
  /**
   * The next ticket number, taken inside the transaction that creates the ticket. `null` means a ticket
   * with this client key exists already (the caller answers with it); a dialect may also leave that to the
   * unique constraint. SQLite bumps a counter row (its write lock serialises creations anyway); PostgreSQL
   * takes a sequence value, so creations on several nodes do not queue behind one row lock.
   */
  nextTicketNumber(trx: Transaction<Database>, clientKey: string | null): Promise<number | null>;
  /**
   * Numbers, stores and marks read one message in a single round trip where the dialect can (returns the
   * conversation's row as the bump left it: its last_seq is the message's seq); without it messages.ts does the
   * same in a transaction of three statements.
   */
  appendMessage?(db: Kysely<Database>, msg: NewMessage): Promise<Selectable<ConversationsTable>>;
}
