// The one ioredis connection of a node to REDIS_URL, shared by the Socket.IO adapter and anything else that
// needs Redis (shared rate limits): one place decides how the node behaves while Redis is away.
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';

/** How long between reconnection attempts while Redis is away (grows to this from 100 ms). */
const LONGEST_RETRY_MS = 1_000;

export interface RedisConnection {
  client: Redis;
  /** The database number selected by the URL (`redis://host:6379/3` → 3; default 0). */
  db: number;
  /** True while commands reach Redis; false while it is away and ioredis reconnects. */
  ready(): boolean;
  /** Resolves once connected; rejects after `timeoutMs` (a node does not start without its Redis). */
  connected(timeoutMs: number): Promise<void>;
  /** Waits for queued commands to finish when Redis is there; otherwise drops the connection at once. */
  close(): Promise<void>;
}

/**
 * Connects to `url` (redis:// or rediss://; a database number in the path is honoured). Commands issued while
 * Redis is away wait in ioredis's offline queue and run when it is back (`maxRetriesPerRequest: null`): a
 * command never fails just because Redis blinked, which matters because the Socket.IO adapter fires some
 * commands without handling their rejection. Callers that must not wait check `ready()` first.
 * `overrides` lets another user of Redis (e.g. rate limits that should fail fast) pick other options.
 */
export function connectRedis(url: string, log: Logger, overrides: RedisOptions = {}): RedisConnection {
  if (!URL.canParse(url) || !/^rediss?:$/.test(new URL(url).protocol)) {
    throw new Error(`REDIS_URL must be a redis:// or rediss:// URL, got ${url}`);
  }
  const client = new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (attempt) => Math.min(attempt * 100, LONGEST_RETRY_MS),
    connectionName: 'classroom-support',
    ...overrides,
  });
  // One warning per outage and one line when Redis is back: a 10 s outage must not flood the log.
  let away = false;
  client.on('error', (err: Error) => {
    if (away) return;
    away = true;
    log.warn({ err: err.message }, 'Redis is away: serving this node’s own sockets, other nodes catch up when it is back');
  });
  client.on('ready', () => {
    if (away) log.info('Redis is back');
    away = false;
  });
  return {
    client,
    db: client.options.db ?? 0,
    ready: () => client.status === 'ready',
    connected: (timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        if (client.status === 'ready') return resolve();
        const timer = setTimeout(() => {
          client.off('ready', onReady);
          reject(new Error(`could not reach Redis at ${redacted(url)} within ${timeoutMs} ms`));
        }, timeoutMs);
        const onReady = () => {
          clearTimeout(timer);
          resolve();
        };
        client.once('ready', onReady);
      }),
    async close() {
      if (client.status === 'ready') {
        await client.quit().catch(() => client.disconnect());
      } else {
        client.disconnect();
      }
    },
  };
}

/** The URL without its password, for messages. */
function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
