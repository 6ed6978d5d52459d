// How SQLite differs behind the shared Kysely queries.
import type { DialectTraits } from '../kysely/dialect';
import { counterTicketNumber } from '../kysely/ticket-counter';

export const sqliteTraits: DialectTraits = {
  isUniqueViolation: (error) =>
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'),
  // A repeated client key fails on the unique constraint and rolls the counter back.
  nextTicketNumber: (trx) => counterTicketNumber(trx),
};
