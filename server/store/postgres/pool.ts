// The pg connection pool behind the PostgreSQL store: numbers come back as numbers, failures are bounded in time.
import pg from 'pg';

export interface PoolOptions {
  /** Most connections this node opens (default 10). Every node has its own pool: mind max_connections. */
  max?: number;
  /** Schemas to resolve table names in (tests isolate themselves in a schema each); default: the server's. */
  searchPath?: string;
  /** Called when an idle connection breaks (PostgreSQL restarted, a proxy cut it); the pool replaces it. */
  onIdleError?: (error: Error) => void;
}

/**
 * How long taking a connection may wait before the request fails as unavailable. pg counts both the wait for a
 * busy pool and opening a new connection, so it must cover a burst queued on a healthy pool; a database that
 * is down refuses or resets connections at once and fails far sooner, a silent network after this long.
 */
const CONNECT_TIMEOUT_MS = 30_000;
/** A query with no answer in this time fails instead of holding a request (and its socket's queue) forever. */
const QUERY_TIMEOUT_MS = 15_000;

/**
 * int8 (bigint: times, counts, sequence values) and numeric (sums over bigint) arrive as strings by default,
 * because they may exceed 2^53. Ours are epoch milliseconds, counts and ticket numbers, all far below it.
 */
function numericTypes(): pg.TypeOverrides {
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, Number);
  types.setTypeParser(pg.types.builtins.NUMERIC, Number);
  return types;
}

const SAFE_SCHEMA = /^[a-z_][a-z0-9_]*$/;

export function createPool(url: string, { max = 10, searchPath, onIdleError }: PoolOptions = {}): pg.Pool {
  if (searchPath !== undefined && !SAFE_SCHEMA.test(searchPath)) throw new Error(`not a safe schema name: ${searchPath}`);
  const pool = new pg.Pool({
    connectionString: url,
    // Migrations hold one connection for their lock and run on another.
    max: Math.max(2, max),
    types: numericTypes(),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    keepAlive: true,
    ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
  });
  // pg emits a broken connection's error on its client; with no listener that would crash the process. The pool
  // listens only while a client is idle, so each client gets one of its own for the time it is checked out (its
  // running query fails by itself, and the pool drops the client when it is released).
  pool.on('connect', (client) => client.on('error', () => undefined));
  pool.on('error', (error) => onIdleError?.(error));
  return pool;
}
