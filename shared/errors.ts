// Typed error codes that cross the wire, and the Result envelope every ack uses.
export const ERROR_CODES = [
  'bad_request', // payload failed schema validation
  'unauthorized', // no or invalid credentials
  'forbidden', // authenticated, but not allowed to touch this resource
  'not_found',
  'unknown_app_key',
  'origin_not_allowed',
  'identity_required', // organisation requires a signed identity token
  'token_invalid',
  'token_expired',
  'conversation_closed',
  'ticket_closed', // the ticket is closed: reply in a new one
  'invalid_transition', // the ticket cannot move to that status from where it is
  'file_too_large',
  'file_type_not_allowed', // declared type not accepted, or the content is not what it claims
  'conflict', // the thing changed meanwhile (e.g. another agent took the chat first)
  'agent_unavailable', // the agent cannot take a chat now: away, offline or at capacity
  'rate_limited',
  'unavailable', // the database cannot be reached right now: nothing was saved, send the same again later
  'password_change_required', // signed in with a generated password: choose your own first (POST /api/auth/password)
  'two_factor_required', // the account has two-factor sign-in: send the authenticator's code too
  'link_expired', // an invite or password-reset link past its time: ask an administrator for a new one
  'link_used', // an invite or password-reset link already used once
  'not_finished', // rating a chat that has not ended, or a ticket not yet resolved
  'already_rated', // that chat or ticket has its rating already: one per chat or ticket
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface WireError {
  code: ErrorCode;
  message: string;
  /** With `rate_limited`: milliseconds to wait before trying again. */
  retryAfterMs?: number;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: WireError };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });
