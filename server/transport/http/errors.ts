// The single place HTTP turns errors into Result envelopes with a fitting status.
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ErrorCode } from '../../../shared/errors';
import { toWireError } from '../wire-error';

const STATUS: Partial<Record<ErrorCode, number>> = {
  bad_request: 400,
  unauthorized: 401,
  identity_required: 401,
  token_invalid: 401,
  token_expired: 401,
  forbidden: 403,
  origin_not_allowed: 403,
  not_found: 404,
  unknown_app_key: 404,
  conversation_closed: 409,
  conflict: 409,
  agent_unavailable: 409,
  ticket_closed: 409,
  invalid_transition: 409,
  file_too_large: 413,
  file_type_not_allowed: 415,
  rate_limited: 429,
  unavailable: 503,
  password_change_required: 403,
  two_factor_required: 401,
  link_expired: 410,
  link_used: 410,
  not_finished: 409,
  already_rated: 409,
  internal: 500,
};

export const statusOf = (code: ErrorCode): number => STATUS[code] ?? 400;

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    // express.json() reports malformed or oversize bodies with a status of its own.
    const status = (error as { status?: number }).status;
    if (status === 400 || status === 413) {
      res.status(status).json({ ok: false, error: { code: 'bad_request', message: status === 413 ? 'Body too large' : 'Body is not valid JSON' } });
      return;
    }
    const { wire, unexpected } = toWireError(error);
    if (unexpected) log.error({ err: error }, 'request failed');
    // RFC 9110 Retry-After is in whole seconds; the body keeps the exact milliseconds.
    if (wire.retryAfterMs !== undefined) res.setHeader('Retry-After', String(Math.max(1, Math.ceil(wire.retryAfterMs / 1000))));
    res.status(statusOf(wire.code)).json({ ok: false, error: wire });
  };
}
