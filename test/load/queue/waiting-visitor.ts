// A visitor waiting in the queue, as the widget holds it: the last full view, moved by `queue:position`
// updates for that chat while it waits. Counts the queue messages it gets, for the queue benchmark.
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { Result } from '../../../shared/errors';
import type { VisitorConversation } from '../../../shared/model';
import { VISITOR_NAMESPACE, type VisitorSession } from '../../../shared/protocol';
import { TEST_ORIGIN } from '../../support/server';

export class WaitingVisitor {
  private readonly socket: Socket;
  hasSession = false;
  view: VisitorConversation | null = null;
  /** Full views (`conversation:updated`) and position updates (`queue:position`) since the last reset. */
  updates = 0;
  deltas = 0;
  lastQueueMessageAt = 0;
  /** Connections the server dropped since the last reset. */
  drops = 0;

  constructor(url: string, appKey: string, name: string) {
    this.socket = io(`${url}${VISITOR_NAMESPACE}`, {
      auth: { appKey, name },
      extraHeaders: { origin: TEST_ORIGIN },
      transports: ['websocket'],
      forceNew: true,
    });
    this.socket.on('session', (session: VisitorSession) => {
      if (session.visitorToken) this.socket.auth = { appKey, visitorToken: session.visitorToken };
      this.hasSession = true;
      if (session.conversation) this.view = session.conversation;
    });
    this.socket.on('disconnect', () => (this.drops += 1));
    this.socket.on('conversation:updated', (view: VisitorConversation) => {
      this.counted();
      this.updates += 1;
      this.view = view;
    });
    this.socket.on('queue:position', ({ conversationId, position }: { conversationId: string; position: number }) => {
      this.counted();
      this.deltas += 1;
      if (this.view?.id === conversationId && this.view.status === 'queued') this.view = { ...this.view, queuePosition: position };
    });
  }

  private counted(): void {
    this.lastQueueMessageAt = performance.now();
  }

  resetCounts(): void {
    this.updates = 0;
    this.deltas = 0;
    this.drops = 0;
  }

  /**
   * Resolves once the start is acknowledged; the ack's view is applied in the order it arrived. A connection
   * that drops meanwhile (a server too busy to answer pings) is retried after the next session, with the same
   * client id, as the widget does.
   */
  async start(): Promise<void> {
    const clientId = randomUUID();
    for (;;) {
      const sent = new Promise<Result<VisitorConversation> | null>((resolve) => {
        this.socket
          .timeout(120_000)
          .emit('conversation:start', { clientId, context: {} }, (error: Error | null, result: Result<VisitorConversation>) =>
            resolve(error ? null : result),
          );
      });
      const result = await sent;
      if (result?.ok) {
        this.view = result.data;
        return;
      }
      if (result) throw new Error(result.error.message);
      if (!this.socket.connected) await new Promise((resolve) => this.socket.once('session', resolve));
    }
  }

  /** Whether this visitor shows what the store says: its place while queued, no place once served. */
  shows(expected: Map<string, number>): boolean {
    if (!this.view) return false;
    const place = expected.get(this.view.id);
    return place === undefined ? this.view.status === 'active' : this.view.status === 'queued' && this.view.queuePosition === place;
  }

  close(): void {
    this.socket.disconnect();
  }
}
