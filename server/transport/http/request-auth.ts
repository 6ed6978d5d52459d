// Who is calling the REST API: an agent by session cookie, or an API client by bearer token (ticket API only).
import type { Request } from 'express';
import type * as v from 'valibot';
import { validate } from '../../../shared/validate';
import { DomainError } from '../../domain/errors';
import type { SignedIn } from '../../domain/identity/agents';
import type { Agent } from '../../domain/records';
import type { SupportServices } from '../../domain/services';
import type { StaffActor } from '../../domain/tickets/ticket-actors';
import { readCookie, SESSION_COOKIE } from '../cookies';

/** A typed value from untrusted input, or a bad_request DomainError naming the field. */
export function parse<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  const result = validate(schema, value);
  if (!result.ok) throw new DomainError(result.error.code, result.error.message);
  return result.data;
}

/**
 * The agent behind the session cookie. Cookies ride along on cross-site requests: writes from any origin but
 * our own were already refused by the origin guard (origin-guard.ts) in front of every /api route.
 */
export async function sessionAgent(services: SupportServices, req: Request, signInHint = 'Sign in first'): Promise<Agent> {
  return (await signedInSession(services, req, { signInHint })).agent;
}

/**
 * The agent and session behind the cookie. Everything but the account's own routes refuses an agent who must
 * first replace a generated password (`beforePasswordChange` lets those few through).
 */
export async function signedInSession(
  { agents }: SupportServices,
  req: Request,
  { signInHint = 'Sign in first', beforePasswordChange = false }: { signInHint?: string; beforePasswordChange?: boolean } = {},
): Promise<SignedIn> {
  const token = readCookie(req.headers.cookie, SESSION_COOKIE);
  const seen = { address: req.ip ?? null };
  const signedIn = beforePasswordChange ? await agents.session(token, seen) : await agents.authenticateSession(token, seen);
  if (!signedIn) throw new DomainError('unauthorized', signInHint);
  return signedIn;
}

/** An API client (Authorization: Bearer <token>) or a signed-in agent. */
export async function staffActor(services: SupportServices, req: Request): Promise<StaffActor> {
  const header = req.headers.authorization;
  if (header) {
    const [scheme, value] = header.split(' ');
    const token = scheme?.toLowerCase() === 'bearer' && value ? await services.tickets.apiTokens.authenticate(value) : null;
    if (!token) throw new DomainError('unauthorized', 'This API token is not valid or has been revoked');
    return { kind: 'api', token };
  }
  return { kind: 'agent', agent: await sessionAgent(services, req, 'Sign in first, or send an API token as "Authorization: Bearer <token>"') };
}
