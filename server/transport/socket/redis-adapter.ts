// Socket.IO across nodes: the Redis Streams adapter on the node's Redis connection, changed in one way — while
// Redis is away, this node's own sockets are served at once and the other nodes get the news when it is back.
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Logger } from 'pino';
import { Adapter, MessageType, type BroadcastOptions, type ClusterMessage, type Room, type Session } from 'socket.io-adapter';
import type { Redis } from 'ioredis';

/** What the transports need of the node's Redis connection (server/redis-client.ts makes one). */
export interface RedisLink {
  client: Redis;
  /** The database number the URL selected. */
  db: number;
  /** False while Redis is away. */
  ready(): boolean;
}

/** Stream entries kept (approximately): what connection-state recovery can replay to a client that comes back. */
export const STREAM_MAX_LEN = 10_000;
/** Publishes held for the other nodes while Redis is away; past this their clients catch up from history instead. */
export const OUTAGE_BACKLOG = 10_000;

type Publishable = Exclude<ClusterMessage, { type: MessageType.FETCH_SOCKETS | MessageType.SERVER_SIDE_EMIT }>;
type Draft = Publishable extends infer M ? (M extends Publishable ? Omit<M, 'uid' | 'nsp'> : never) : never;

/** The adapter's own methods this wrapper calls: `publishAndReturnOffset` is protected in its typings. */
interface ClusterAdapterInternals {
  publishAndReturnOffset(message: Draft): Promise<string>;
}

type Wrapped = ReturnType<ReturnType<typeof createAdapter>>;

/**
 * The adapter awaits Redis before delivering anything locally, so a Redis outage would hold every event of
 * every socket until Redis is back. While the connection is not ready this node delivers locally at once and
 * queues the publish for the others (ioredis's offline queue sends it on reconnection, and each node's stream
 * reader resumes from its last entry, so nothing published is skipped). Volatile events (typing) are not
 * queued. Asking other nodes (fetchSockets, connection-state recovery) answers for this node only meanwhile.
 */
export function redisStreamsAdapter(connection: RedisLink, prefix: string, log: Logger): (nsp: unknown) => Wrapped {
  // Redis pub/sub channels are shared by all databases of a server: the database number keeps deployments apart.
  const scope = `${prefix}:${connection.db}`;
  const create = createAdapter(connection.client, {
    streamName: `${scope}:socket.io`,
    channelPrefix: `${scope}:socket.io`,
    sessionKeyPrefix: `${scope}:sio-session:`,
    maxLen: STREAM_MAX_LEN,
    // Every event of ours is JSON (uploads go over HTTP), so the adapter need not look for binary parts.
    onlyPlaintext: true,
  });
  let backlog = 0;
  let backlogFullSaid = false;

  // A function, not an arrow: Socket.IO calls it with `new`, and an object returned from it becomes the adapter.
  return function redisAdapterFor(nsp: unknown) {
    const adapter = create(nsp);
    const internals = adapter as unknown as ClusterAdapterInternals;
    const local = Adapter.prototype;
    const viaRedis = {
      broadcast: adapter.broadcast.bind(adapter),
      addSockets: adapter.addSockets.bind(adapter),
      delSockets: adapter.delSockets.bind(adapter),
      disconnectSockets: adapter.disconnectSockets.bind(adapter),
      serverCount: adapter.serverCount.bind(adapter),
      persistSession: adapter.persistSession.bind(adapter),
      restoreSession: adapter.restoreSession.bind(adapter),
    };

    const later = (message: Draft): void => {
      if (backlog >= OUTAGE_BACKLOG) {
        if (!backlogFullSaid) log.warn({ backlog }, 'Redis still away: other nodes will catch up from history');
        backlogFullSaid = true;
        return;
      }
      backlog += 1;
      internals
        .publishAndReturnOffset(message)
        .catch((error: unknown) => log.warn({ err: error }, 'could not publish to other nodes after Redis came back'))
        .finally(() => {
          backlog -= 1;
          if (backlog === 0) backlogFullSaid = false;
        });
    };
    const away = (opts: BroadcastOptions): boolean => !connection.ready() && !opts.flags?.local;

    adapter.broadcast = (packet: unknown, opts: BroadcastOptions) => {
      if (!away(opts)) return viaRedis.broadcast(packet, opts);
      // Encoded for Redis first: the local broadcast must not see an offset or any other change of the packet.
      if (!opts.flags?.volatile) later({ type: MessageType.BROADCAST, data: { packet, opts: wire(opts) } });
      local.broadcast.call(adapter, packet, opts);
      return Promise.resolve();
    };
    adapter.addSockets = (opts: BroadcastOptions, rooms: Room[]) => {
      if (!away(opts)) return viaRedis.addSockets(opts, rooms);
      later({ type: MessageType.SOCKETS_JOIN, data: { opts: wire(opts), rooms } });
      local.addSockets.call(adapter, opts, rooms);
      return Promise.resolve();
    };
    adapter.delSockets = (opts: BroadcastOptions, rooms: Room[]) => {
      if (!away(opts)) return viaRedis.delSockets(opts, rooms);
      later({ type: MessageType.SOCKETS_LEAVE, data: { opts: wire(opts), rooms } });
      local.delSockets.call(adapter, opts, rooms);
      return Promise.resolve();
    };
    adapter.disconnectSockets = (opts: BroadcastOptions, close: boolean) => {
      if (!away(opts)) return viaRedis.disconnectSockets(opts, close);
      later({ type: MessageType.DISCONNECT_SOCKETS, data: { opts: wire(opts), close } });
      local.disconnectSockets.call(adapter, opts, close);
      return Promise.resolve();
    };
    // fetchSockets and serverSideEmit with an ack wait for as many answers as there are nodes: none can come.
    adapter.serverCount = () => (connection.ready() ? viaRedis.serverCount() : Promise.resolve(1));
    // Without Redis the session cannot be stored: the client starts afresh and fetches what it missed from
    // history. Socket data (an agent's record, an organisation's identity secret) never goes to Redis: the
    // handshake middleware runs again on recovery and sets it afresh.
    adapter.persistSession = (session) => {
      if (connection.ready()) viaRedis.persistSession({ ...session, data: {} });
    };
    adapter.restoreSession = (pid: string, offset: string): Promise<Session> =>
      connection.ready() ? viaRedis.restoreSession(pid, offset) : Promise.reject(new Error('Redis is away'));
    return adapter;
  };
}

const wire = (opts: BroadcastOptions) => ({ rooms: [...opts.rooms], except: [...(opts.except ?? [])], flags: opts.flags ?? {} });
