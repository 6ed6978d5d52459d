// Engine.IO session ids and the node that issued each: long-polling requests carry `sid` in the query, so they
// stay on their node even without a cookie. Learned from the handshake answer (`0{"sid":"…",…}`).
import type { IncomingMessage } from 'node:http';

const MAX_SESSIONS = 100_000;

const query = (req: IncomingMessage) => new URL(req.url ?? '/', 'http://balancer').searchParams;

export class SidMap {
  private readonly nodes = new Map<string, string>();

  nodeFor(req: IncomingMessage): string | undefined {
    const sid = query(req).get('sid');
    return sid ? this.nodes.get(sid) : undefined;
  }

  /** Reads the session id from a polling handshake's answer as it streams past (it is in the first bytes). */
  learn(req: IncomingMessage, answer: IncomingMessage, node: string): void {
    const params = query(req);
    if (!req.url?.includes('/socket.io/') || params.get('transport') !== 'polling' || params.has('sid')) return;
    answer.once('data', (chunk: Buffer) => {
      const sid = /"sid":"([^"]+)"/.exec(chunk.toString('latin1'))?.[1];
      if (!sid) return;
      // Oldest first out: a Map keeps insertion order.
      if (this.nodes.size >= MAX_SESSIONS) this.nodes.delete(this.nodes.keys().next().value as string);
      this.nodes.set(sid, node);
    });
  }
}
