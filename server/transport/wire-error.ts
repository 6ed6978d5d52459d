// Turns anything thrown below a transport into a wire error; only DomainErrors keep their code and text.
import type { WireError } from '../../shared/errors';
import { DomainError } from '../domain/errors';

export function toWireError(error: unknown): { wire: WireError; unexpected: boolean } {
  if (error instanceof DomainError) return { wire: { code: error.code, message: error.message }, unexpected: false };
  // Never leak stack traces or SQL: the details go to the log, the client gets a code.
  return { wire: { code: 'internal', message: 'Something went wrong on our side; please try again' }, unexpected: true };
}
