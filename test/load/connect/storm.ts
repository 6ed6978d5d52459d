// Opens many visitor connections at once, as a district's classes do when they load the page together, and times
// until every one has its `session`. Also watches for drops while they are held.
import { io, type Socket } from 'socket.io-client';
import { VISITOR_NAMESPACE } from '../../../shared/protocol';
import { TEST_ORIGIN } from '../../support/server';

export interface Storm {
  /** From the first connection opened until the last `session` arrived. */
  connectMs: number;
  sockets: Socket[];
  /** Connections dropped since they connected. */
  drops(): number;
  /** Failed connection attempts (connect_error; the client retried), by reason: a rejected token, a timeout … */
  refused: Map<string, number>;
  close(): void;
}

/** Opens `auths.length` connections, `batch` per turn of this process's event loop, so the client side keeps up. */
export async function connectStorm(url: string, auths: Record<string, unknown>[], { batch = 250, timeoutMs = 300_000 } = {}): Promise<Storm> {
  const sockets: Socket[] = [];
  let sessions = 0;
  let drops = 0;
  const refused = new Map<string, number>();
  let done: () => void = () => {};
  const all = new Promise<void>((resolve) => (done = resolve));
  const began = performance.now();
  for (let i = 0; i < auths.length; i++) {
    const socket = io(`${url}${VISITOR_NAMESPACE}`, {
      auth: auths[i],
      extraHeaders: { origin: TEST_ORIGIN },
      transports: ['websocket'],
      forceNew: true,
      // A refused handshake retries like the widget; counted, so a broken run shows.
      reconnectionDelay: 1_000,
    });
    socket.once('session', () => {
      sessions += 1;
      if (sessions === auths.length) done();
    });
    socket.on('connect_error', (error) => refused.set(error.message, (refused.get(error.message) ?? 0) + 1));
    socket.on('disconnect', () => (drops += 1));
    sockets.push(socket);
    if (i % batch === batch - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    all,
    new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`only ${sessions} of ${auths.length} sessions after ${timeoutMs} ms; refused: ${JSON.stringify([...refused])}`)),
        timeoutMs,
      );
    }),
  ]).finally(() => clearTimeout(timer));
  const connectMs = performance.now() - began;
  return {
    connectMs,
    sockets,
    drops: () => drops,
    refused,
    close: () => {
      for (const socket of sockets) socket.disconnect();
    },
  };
}
