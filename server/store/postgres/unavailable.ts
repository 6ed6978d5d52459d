// PostgreSQL out of reach becomes the typed `unavailable` error: the write did not happen (or is not known
// to have happened), nothing is acknowledged, and clients send the same thing again later.
import { DomainError } from '../../domain/errors';

/** SQLSTATE classes and codes that mean "the database is not there", not "your statement is wrong". */
const CONNECTION_STATES = new Set([
  '57P01', // admin_shutdown (pg_terminate_backend, a fast shutdown)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, in recovery)
  '53300', // too_many_connections
  '53400', // configuration_limit_exceeded
]);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** pg reports broken or timed-out connections with plain Errors; these are its messages. */
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
  'connection timeout',
];

export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  if (code.startsWith('08') || CONNECTION_STATES.has(code) || SOCKET_CODES.has(code)) return true;
  if (error instanceof AggregateError) return error.errors.some(isUnavailable);
  return CONNECTION_MESSAGES.some((m) => error.message.includes(m));
}

export const unavailable = (): DomainError =>
  new DomainError('unavailable', 'The database cannot be reached right now; nothing was saved. Please try again shortly.');

/** Wraps every method of `target` so a connection failure surfaces as DomainError('unavailable'). */
export function guardAvailability<T extends object>(target: T, onUnavailable?: (error: unknown) => void): T {
  const guarded: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(target)) {
    if (typeof member !== 'function') {
      guarded[name] = member;
      continue;
    }
    const method = member as (...args: unknown[]) => unknown;
    const translate = (error: unknown): unknown => {
      if (!isUnavailable(error)) return error;
      onUnavailable?.(error);
      return unavailable();
    };
    // Synchronous members (isUniqueViolation) stay synchronous.
    guarded[name] = (...args: unknown[]) => {
      let result: unknown;
      try {
        result = method(...args);
      } catch (error) {
        throw translate(error);
      }
      return result instanceof Promise
        ? result.catch((error: unknown) => {
            throw translate(error);
          })
        : result;
    };
  }
  return guarded as T;
}
