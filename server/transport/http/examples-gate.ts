// Who may reach the example host page and its token signer: loopback clients by default (the quick start),
// every client only when the operator says so (SUPPORT_EXAMPLES=1). The signer mints a valid identity for any
// user id of the demo organisation, so on a reachable server it must not answer strangers.
import type { RequestHandler } from 'express';
import { DomainError } from '../../domain/errors';

/** 127.0.0.0/8, ::1, and IPv4 loopback written as an IPv6-mapped address. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/**
 * `req.ip` is the client as express sees it: the peer, or the address a trusted proxy forwarded (the `trust
 * proxy` setting), so a request relayed by a proxy on the same machine counts as the proxy's client.
 */
export function examplesGate(forEveryone: boolean): RequestHandler {
  return (req, _res, next) => {
    if (forEveryone || isLoopback(req.ip)) return next();
    // Looks exactly like a server without examples.
    next(new DomainError('not_found', 'No such route'));
  };
}
