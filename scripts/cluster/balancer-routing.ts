// Which node a request goes to: the node its cookie (or its Engine.IO session) names while that node is
// healthy, otherwise the next healthy node in turn.
import type { IncomingMessage } from 'node:http';
import type { SidMap } from './sid-map';

export interface NodeState {
  name: string;
  host: string;
  port: number;
  healthy: boolean;
  /** Health checks in a row that timed out. */
  slowChecks: number;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/**
 * The healthy node this client is bound to, if any. The cookie comes first; a long-polling request without it
 * (a widget on another site sends no cookies) is bound by the session id its handshake was answered with.
 */
export function stickyNode(req: IncomingMessage, nodes: NodeState[], sids: SidMap, cookie: string): NodeState | undefined {
  const named = cookieValue(req.headers.cookie, cookie) ?? sids.nodeFor(req);
  return nodes.find((node) => node.name === named && node.healthy);
}

/** The next healthy node not tried yet for this request, round-robin; when none passed its check, any untried. */
export function pickNode(nodes: NodeState[], tried: Set<string>, turn: () => number): NodeState | undefined {
  const untried = nodes.filter((node) => !tried.has(node.name));
  const healthy = untried.filter((node) => node.healthy);
  // Health checks lag behind a restart by up to one interval: an unchecked node beats refusing the client.
  const pool = healthy.length > 0 ? healthy : untried;
  return pool.length > 0 ? pool[turn() % pool.length] : undefined;
}

export function appendCookie(existing: string[] | undefined, cookie: string): string[] {
  return [...(existing ?? []), cookie];
}
