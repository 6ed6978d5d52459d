// Response headers every answer carries (helmet), and HSTS where users reach us over https.
import type { RequestHandler } from 'express';
import helmet, { strictTransportSecurity } from 'helmet';
import type { OwnOrigin } from '../own-origin';

/** 180 days: long enough to matter, short enough to undo a mistaken https setup within a school term or two. */
const HSTS_SECONDS = 180 * 24 * 60 * 60;

export function securityHeaders(ownOrigin: OwnOrigin): RequestHandler {
  const common = helmet({
    // Each page sets its own policy (the console, help pages); the API answers JSON that no browser renders.
    contentSecurityPolicy: false,
    // widget.js, the widget's lazy modules and attachments are loaded by customers' pages: those routes say so
    // themselves (Cross-Origin-Resource-Policy: cross-origin); the default here would block them.
    crossOriginResourcePolicy: false,
    crossOriginEmbedderPolicy: false,
    // Decided per request below: only where https is how users reach us.
    strictTransportSecurity: false,
    // Chat and ticket URLs carry ids; a link followed from the console or a help page tells its target nothing.
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });
  const hsts = strictTransportSecurity({ maxAge: HSTS_SECONDS, includeSubDomains: false });
  return (req, res, next) => {
    common(req, res, () => {
      // SUPPORT_PUBLIC_URL is https, or this request came over TLS (directly or through a trusted proxy).
      if (ownOrigin.secure(req)) hsts(req, res, next);
      else next();
    });
  };
}
