// The one error type the domain throws; transports turn its code into a wire error or HTTP status.
import type { ErrorCode } from '../../shared/errors';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** With `rate_limited`: how long to wait before trying again. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
