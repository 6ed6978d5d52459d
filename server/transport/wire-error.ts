// Turns anything thrown below a transport into a wire error; only DomainErrors keep their code and text.
import type { WireError } from '../../shared/errors';
import { DomainError } from '../domain/errors';

export function toWireError(error: unknown): { wire: WireError; unexpected: boolean } {
  if (error instanceof DomainError) {
    const wire: WireError = { code: error.code, message: error.message };
    if (error.retryAfterMs !== undefined) wire.retryAfterMs = error.retryAfterMs;
    return { wire, unexpected: false };
  }
  // Never leak stack traces or SQL: the details go to the log, the client gets a code.
  return { wire: { code: 'internal', message: 'Something went wrong on our side; please try again' }, unexpected: true };
}
