// Times every HTTP request express serves. Routes are labelled by their pattern (`/api/tickets/:id`), never by
// the path a client sent, so the number of series stays bounded whatever URLs are requested.
import type { Request, RequestHandler } from 'express';
import type { SupportMetrics } from './registry';

/** Static parts of the site, labelled by where they are mounted. */
const MOUNTS = ['/console', '/widget', '/examples', '/help'];

function routeLabel(req: Request): string {
  const pattern: unknown = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern === 'string') return `${req.baseUrl}${pattern}`;
  const path = req.originalUrl.split('?')[0] ?? '';
  return MOUNTS.find((mount) => path === mount || path.startsWith(`${mount}/`)) ?? (path.startsWith('/api/') ? '/api/unmatched' : 'other');
}

export function timeHttpRequests(metrics: SupportMetrics): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.once('finish', () => {
      metrics.httpLatency.observe(
        { method: req.method, route: routeLabel(req), status: String(res.statusCode) },
        (performance.now() - started) / 1000,
      );
    });
    next();
  };
}
