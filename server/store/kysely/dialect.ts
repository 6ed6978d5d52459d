// What differs between SQL engines behind the one set of Kysely queries.
export interface DialectTraits {
  /** True if the error is a unique-constraint violation. */
  isUniqueViolation(error: unknown): boolean;
}
