// Refuses browser writes to the REST API from any origin but our own, before any route runs: sign-in and
// sign-out included, so a sibling site can neither sign an agent out nor into an account of its choosing.
import type { RequestHandler } from 'express';
import { DomainError } from '../../domain/errors';
import type { OwnOrigin } from '../own-origin';

/**
 * Mounted on /api. Two kinds of callers are not subject to it, because no cookie acts for them: API clients
 * (an Authorization header, which a cross-site page cannot add without a CORS preflight we never grant) and
 * the widget's file transfers under /api/visitor (authorised by a grant, cross-origin by design).
 */
export function originGuard(own: OwnOrigin): RequestHandler {
  return (req, _res, next) => {
    if (req.headers.authorization !== undefined || req.path.startsWith('/visitor/')) return next();
    if (own.admitsWrite(req)) return next();
    next(new DomainError('origin_not_allowed', 'Changes with a session cookie must come from the console'));
  };
}
