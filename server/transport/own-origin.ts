// The server's own origin (scheme, host and port users reach it at) and the one origin rule for everything
// that acts with the session cookie: REST writes, sign-in and sign-out, and the console's socket.
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { TrustFn } from './client-address';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `value` as a canonical origin (lower-case, default port dropped), or null when it is not an http(s) origin. */
export function canonicalOrigin(value: string): string | null {
  if (!URL.canParse(value)) return null;
  const url = new URL(value);
  if (!/^https?:$/.test(url.protocol) || url.username || url.password) return null;
  return url.origin;
}

export class OwnOrigin {
  /**
   * `publicUrl`: SUPPORT_PUBLIC_URL, already reduced to an origin; without it the origin is the one each
   * request was addressed to (its Host, over http unless it came over TLS, directly or through a trusted proxy).
   */
  constructor(
    readonly publicUrl: string | undefined,
    /** SUPPORT_TRUST_PROXY as express uses it: may the peer at `address`, `hop` proxies in, be believed? */
    private readonly trust: TrustFn,
  ) {}

  /** The origin this request's users reach us at, or null when its Host header is not a host. */
  of(req: IncomingMessage): string | null {
    if (this.publicUrl) return this.publicUrl;
    const host = req.headers.host;
    if (!host) return null;
    const origin = canonicalOrigin(`${this.scheme(req)}://${host}`);
    // A Host with a path, user info or spaces in it is no host of ours.
    return origin && new URL(origin).host === new URL(`http://${host}`).host ? origin : null;
  }

  /** Users reach us over https: cookies get `Secure`, responses HSTS. */
  secure(req: IncomingMessage): boolean {
    return this.publicUrl ? this.publicUrl.startsWith('https:') : this.scheme(req) === 'https';
  }

  /**
   * May this REST request act with the session cookie? Safe methods always may. A browser names the Origin
   * of every cross-site write; it must be ours exactly. Without an Origin, a browser's Sec-Fetch-Site saying
   * another site sent it is refused too; a client that sends neither is not a browser, so no cookie rode along
   * uninvited.
   */
  admitsWrite(req: IncomingMessage): boolean {
    if (SAFE_METHODS.has(req.method ?? 'GET')) return true;
    const origin = req.headers.origin;
    if (origin !== undefined) return this.isOwn(origin, req);
    const site = req.headers['sec-fetch-site'];
    return site !== 'cross-site' && site !== 'same-site';
  }

  /**
   * May this WebSocket or long-polling handshake open the console? Cookies ride along on cross-site handshakes,
   * so the Origin must be ours; browsers omit it on same-origin GETs (long-polling) and say so in Sec-Fetch-Site.
   */
  admitsConsole(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin === undefined) return req.headers['sec-fetch-site'] === 'same-origin';
    return this.isOwn(origin, req);
  }

  private isOwn(origin: string, req: IncomingMessage): boolean {
    const own = this.of(req);
    return own !== null && canonicalOrigin(origin) === own && origin.toLowerCase() === own;
  }

  /** As express's req.protocol: TLS on the socket, or a trusted proxy's X-Forwarded-Proto. */
  private scheme(req: IncomingMessage): 'http' | 'https' {
    const direct = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
    const peer = req.socket.remoteAddress;
    if (!peer || !this.trust(peer, 0)) return direct;
    const forwarded = String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]
      ?.trim()
      .toLowerCase();
    return forwarded === 'https' ? 'https' : forwarded === 'http' ? 'http' : direct;
  }
}
