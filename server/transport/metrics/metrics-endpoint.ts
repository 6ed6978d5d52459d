// GET /metrics: Prometheus text for loopback clients (a scraper on the same host), for anyone else only with
// `Authorization: Bearer $SUPPORT_METRICS_TOKEN`. Figures such as queue lengths are not for the public.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { SupportMetrics } from './registry';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
/** Set by proxies: a request carrying one came from elsewhere, whatever the TCP peer is. */
const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/**
 * A direct loopback connection. The TCP peer, never `req.ip`: behind a proxy on the same host every request
 * arrives from loopback, and X-Forwarded-For is whatever the client wrote; so a forwarded request never counts.
 */
export function fromLoopback(req: Request): boolean {
  return LOOPBACK.has(req.socket.remoteAddress ?? '') && FORWARDING_HEADERS.every((name) => req.headers[name] === undefined);
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Constant-time: hashing first gives equal lengths, so neither the token nor its length leaks through timing. */
export function bearerMatches(header: string | undefined, token: string | undefined): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false;
  return timingSafeEqual(digest(header.slice('Bearer '.length).trim()), digest(token));
}

export function metricsEndpoint(metrics: SupportMetrics, token: string | undefined, log: Logger): RequestHandler {
  return (req, res) => {
    if (!fromLoopback(req) && !bearerMatches(req.headers.authorization, token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      res.status(401).json({ ok: false, error: { code: 'unauthorized', message: 'Metrics are for loopback clients or a bearer token' } });
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.type(metrics.registry.contentType).send(text),
      (err: unknown) => {
        log.error({ err }, 'could not collect metrics');
        res.status(500).json({ ok: false, error: { code: 'internal', message: 'Could not collect metrics' } });
      },
    );
  };
}
