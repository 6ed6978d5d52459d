// The express app: health, the widget bundle, the console, the example host, and the REST API.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { DomainError } from '../../domain/errors';
import type { SupportServices } from '../../domain/services';
import type { TrustFn } from '../client-address';
import { consoleDir, widgetBundle } from '../../paths';
import { consoleShell } from './console-shell';
import { favicon, FAVICON_PATHS } from './favicon';
import { accountRoutes } from './account-routes';
import { adminAccountRoutes } from './admin-account-routes';
import { supportPlanRoutes } from './support-plan-routes';
import { reportRoutes } from './report-routes';
import { deskRoutes } from './desk-routes';
import { adminRoutes, cannedReplyRoutes } from './admin-routes';
import { articleRoutes, conversationArticleRoutes } from './article-routes';
import { authRoutes } from './auth-routes';
import { consoleContentSecurityPolicy } from './console-csp';
import { errorHandler } from './errors';
import { examplesGate } from './examples-gate';
import { helpPages } from './help-pages';
import { originGuard } from './origin-guard';
import { securityHeaders } from './security-headers';
import { privacyRoutes } from './privacy-routes';
import { monitoringRoutes } from './monitoring-routes';
import { incidentRoutes } from './incident-routes';
import { satisfactionRoutes } from './satisfaction-routes';
import { ticketApi } from './ticket-api';
import { webhookRoutes } from './webhook-routes';
import { pagingAdminRoutes, pagingLinkRoutes, pagingRoutes } from './paging-routes';
import type { OwnOrigin } from '../own-origin';

export interface HttpOptions {
  services: SupportServices;
  log: Logger;
  /** Which proxies' forwarding headers to believe (client-address.ts); the socket handshakes use the same. */
  trustProxy: TrustFn;
  isReady: () => boolean;
  /** The server's own origin and the origin rule for cookie-authenticated requests. */
  ownOrigin: OwnOrigin;
  /** Mounted at /examples when the example host is on: for loopback clients, or everyone if `examplesForEveryone`. */
  examples?: express.Router;
  examplesForEveryone?: boolean;
  /** Times every request, and serves GET /metrics. */
  metrics?: { timing: RequestHandler; endpoint: RequestHandler };
}

const notBuilt =
  (what: string): RequestHandler =>
  (_req, res) => {
    res.status(503).type('text/plain').send(`The ${what} is not built yet: run \`npm run build\`.`);
  };

export function createHttpApp({
  services,
  log,
  trustProxy,
  isReady,
  ownOrigin,
  examples,
  examplesForEveryone = false,
  metrics,
}: HttpOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy);
  app.use(securityHeaders(ownOrigin));
  if (metrics) {
    app.use(metrics.timing);
    app.get('/metrics', metrics.endpoint);
  }

  app.get('/healthz', (_req, res) => {
    if (isReady()) res.json({ ok: true, data: { status: 'ready' } });
    else res.status(503).json({ ok: false, error: { code: 'internal', message: 'starting or stopping' } });
  });

  app.get(FAVICON_PATHS, favicon);

  app.get('/widget.js', (req, res, next) => {
    if (!existsSync(widgetBundle)) return notBuilt('widget')(req, res, next);
    // Host pages on other origins load it with a plain script tag; keep it fresh but cacheable.
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.sendFile(widgetBundle);
  });

  app.use('/console', (req, res, next) => {
    if (!existsSync(join(consoleDir, 'index.html'))) return notBuilt('console')(req, res, next);
    res.setHeader('Content-Security-Policy', consoleContentSecurityPolicy(services.articles.imageOrigins, ownOrigin.of(req)));
    next();
  });
  // The shell in the browser's language; its assets as files; unknown paths below it (a single-page app) the shell.
  app.get(['/console/', '/console/index.html'], consoleShell);
  app.use('/console', express.static(consoleDir, { index: false }));
  app.get('/console/{*rest}', consoleShell);

  if (examples) app.use('/examples', examplesGate(examplesForEveryone), examples);
  app.use(helpPages(services));
  app.use(pagingLinkRoutes(services));

  // Every write that a session cookie could authorise comes from our own origin (sign-in and sign-out too).
  app.use('/api', originGuard(ownOrigin));

  // Before the general /api body parser: article bodies need a larger limit than its 16 KB.
  app.use('/api/articles', articleRoutes(services));
  app.use('/api/conversations', conversationArticleRoutes(services));

  // Tickets parse their own bodies: longer texts, and file uploads that are streamed, never parsed.
  app.use(ticketApi(services));
  app.use('/api', express.json({ limit: '16kb' }));
  app.use('/api/auth', authRoutes(services, ownOrigin));
  app.use('/api/auth', accountRoutes(services, ownOrigin));
  app.use('/api/admin/support-plans', supportPlanRoutes(services));
  app.use('/api/reports', reportRoutes(services));
  app.use('/api/desk', deskRoutes(services));
  app.use('/api/admin', adminRoutes(services));
  app.use('/api/admin', privacyRoutes(services));
  app.use('/api/admin', webhookRoutes(services));
  app.use('/api/admin', pagingAdminRoutes(services, ownOrigin));
  app.use('/api/paging', pagingRoutes(services));
  app.use('/api/admin', adminAccountRoutes(services, ownOrigin));
  app.use('/api/canned-replies', cannedReplyRoutes(services));
  app.use('/api', monitoringRoutes(services));
  app.use('/api', incidentRoutes(services));
  app.use('/api', satisfactionRoutes(services));
  // Anything else, anywhere: the same JSON error shape as the API, never express's HTML page.
  app.use((_req, _res, next) => next(new DomainError('not_found', 'No such route')));

  app.use(errorHandler(log));
  return app;
}
