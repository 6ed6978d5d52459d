// The console's Content-Security-Policy: its own scripts, styles and sockets only; images also from the
// origins help articles may show images from, so the article preview shows what readers see.

/**
 * `imageOrigins` are exact http(s) origins (already reduced by the article services); nothing else is
 * added, so an operator who allows no image origins gets the strict policy unchanged.
 */
export function consoleContentSecurityPolicy(imageOrigins: readonly string[]): string {
  return [
    "default-src 'self'",
    "connect-src 'self' ws: wss:",
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data:", ...imageOrigins].join(' '),
    "frame-ancestors 'none'",
  ].join('; ');
}
