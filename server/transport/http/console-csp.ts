// The console's Content-Security-Policy: its own scripts, styles and sockets only; images also from the
// origins help articles may show images from, so the article preview shows what readers see.

/**
 * `imageOrigins` are exact http(s) origins (already reduced by the article services); nothing else is
 * added, so an operator who allows no image origins gets the strict policy unchanged. `ownOrigin` is the
 * server's origin for this request (OwnOrigin): the console's socket may connect there and nowhere else —
 * 'self' alone does not cover WebSocket URLs in every browser, and `ws: wss:` would allow any host.
 */
export function consoleContentSecurityPolicy(imageOrigins: readonly string[], ownOrigin: string | null): string {
  const socketOrigin = ownOrigin?.replace(/^http/, 'ws');
  return [
    "default-src 'self'",
    ["connect-src 'self'", ...(socketOrigin ? [socketOrigin] : [])].join(' '),
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data:", ...imageOrigins].join(' '),
    "frame-ancestors 'none'",
  ].join('; ');
}
