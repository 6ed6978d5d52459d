// Server configuration from environment variables, with the defaults the README documents.
import { join, resolve } from 'node:path';
import { checkProxyList, type TrustProxy } from './transport/client-address';

export interface Config {
  port: number;
  /** Interface to listen on; undefined means all. */
  host: string | undefined;
  dataDir: string;
  /** `postgres://…` selects the PostgreSQL store (several nodes share it); unset, the embedded SQLite file. */
  databaseUrl?: string;
  /** Connections this node's PostgreSQL pool may open (default 10). */
  databasePoolSize?: number;
  /** The example host page and its token signer (SUPPORT_EXAMPLES not `0`); see `examplesForEveryone`. */
  examples: boolean;
  /** SUPPORT_EXAMPLES=1: serve the examples to every client, not only to loopback ones. */
  examplesForEveryone?: boolean;
  /**
   * SUPPORT_PUBLIC_URL reduced to its origin: where users reach the server (a load balancer's or TLS proxy's
   * https address). Origin checks compare against it, cookies are `Secure` and HSTS is sent when it is https,
   * and the demo organisation may be embedded from it. Unset: the origin each request was addressed to.
   */
  publicUrl?: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  logLevel: string;
  /**
   * The proxies in front of the server whose forwarding headers are believed (client address, TLS): false for
   * none, a hop count (true = 1), or the proxies' addresses / CIDR ranges.
   */
  trustProxy: TrustProxy;
  /** Scales every flood limit (SUPPORT_RATE_LIMIT_FACTOR; default 1). */
  rateLimitFactor?: number;
  /** How long a visitor still counts as online after their widget disconnected (default 10 s). */
  visitorOfflineGraceMs?: number;
  /** How long a dropped agent console may take to come back before the agent counts as away (default 60 s). */
  agentGraceMs?: number;
  /** Exact origins images in help articles may be loaded from (none by default). */
  articleImageOrigins?: string[];
  /** `redis://…[/db]`: Socket.IO's Redis Streams adapter joins the nodes sharing it (undefined: one node, in memory). */
  redisUrl?: string;
  /** Prefix of every Redis key and channel this deployment uses, so several share one Redis (default `cs`). */
  redisPrefix?: string;
  /** Time between retention runs across all processes on the database (default hourly). */
  retentionIntervalMs?: number;
  /** Bearer token that opens /metrics to clients other than loopback; without it only loopback may read it. */
  metricsToken?: string;
  /** This node's name in metrics (default host:port). */
  nodeName?: string;
  /**
   * On SIGTERM, how long /healthz answers 503 while the node still serves, so a load balancer's health check
   * moves new clients away before the node disconnects its own (default 0).
   */
  drainDelayMs?: number;
  /** SUPPORT_WEBHOOK_ALLOW_PRIVATE=1: webhooks may go to loopback and private addresses (tests, on-premises receivers). */
  webhookAllowPrivate?: boolean;
  /** SMTP_URL: email through this SMTP server (nodemailer URL); unset, email is off. */
  smtpUrl?: string;
  /** SMTP_FROM: the sender of every email (default `Classroom Support <support@localhost>`). */
  smtpFrom?: string;
  /** How often each node looks for reply emails that fell due (default 15 s). */
  emailPollMs?: number;
  /** How often each node looks for check-in reminders that fell due (default 15 s; tests set it shorter). */
  reminderPollMs?: number;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    host: env.HOST || undefined,
    dataDir: resolve(env.SUPPORT_DATA_DIR ?? './data'),
    ...database(env),
    examples: env.SUPPORT_EXAMPLES !== '0',
    examplesForEveryone: env.SUPPORT_EXAMPLES === '1',
    ...(env.SUPPORT_PUBLIC_URL ? { publicUrl: publicUrl(env.SUPPORT_PUBLIC_URL) } : {}),
    adminEmail: env.SUPPORT_ADMIN_EMAIL || undefined,
    adminPassword: env.SUPPORT_ADMIN_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: trustProxy(env.SUPPORT_TRUST_PROXY),
    articleImageOrigins: origins('SUPPORT_ARTICLE_IMAGE_ORIGINS', env.SUPPORT_ARTICLE_IMAGE_ORIGINS),
    redisUrl: env.REDIS_URL || undefined,
    ...(env.SUPPORT_REDIS_PREFIX ? { redisPrefix: env.SUPPORT_REDIS_PREFIX } : {}),
    ...(env.SUPPORT_METRICS_TOKEN ? { metricsToken: env.SUPPORT_METRICS_TOKEN } : {}),
    ...(env.SUPPORT_NODE_NAME ? { nodeName: env.SUPPORT_NODE_NAME } : {}),
    ...(env.SUPPORT_DRAIN_DELAY_MS ? { drainDelayMs: milliseconds('SUPPORT_DRAIN_DELAY_MS', env.SUPPORT_DRAIN_DELAY_MS) } : {}),
    ...(env.SUPPORT_AGENT_GRACE_MS ? { agentGraceMs: milliseconds('SUPPORT_AGENT_GRACE_MS', env.SUPPORT_AGENT_GRACE_MS) } : {}),
    ...(env.SUPPORT_RETENTION_INTERVAL_MS
      ? { retentionIntervalMs: milliseconds('SUPPORT_RETENTION_INTERVAL_MS', env.SUPPORT_RETENTION_INTERVAL_MS) }
      : {}),
    ...(env.SUPPORT_WEBHOOK_ALLOW_PRIVATE === '1' ? { webhookAllowPrivate: true } : {}),
    ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : {}),
    ...(env.SMTP_FROM ? { smtpFrom: env.SMTP_FROM } : {}),
    ...(env.SUPPORT_RATE_LIMIT_FACTOR ? { rateLimitFactor: factor('SUPPORT_RATE_LIMIT_FACTOR', env.SUPPORT_RATE_LIMIT_FACTOR) } : {}),
  };
}

function database(env: NodeJS.ProcessEnv): Pick<Config, 'databaseUrl' | 'databasePoolSize'> {
  const url = env.DATABASE_URL || undefined;
  if (url !== undefined && !/^postgres(ql)?:\/\//.test(url)) throw new Error('DATABASE_URL must be a postgres:// or postgresql:// URL');
  const size = env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : undefined;
  if (size !== undefined && (!Number.isInteger(size) || size < 2))
    throw new Error(`DATABASE_POOL_SIZE must be a whole number of at least 2, got ${env.DATABASE_POOL_SIZE}`);
  return { ...(url ? { databaseUrl: url } : {}), ...(size ? { databasePoolSize: size } : {}) };
}

/** Off, a hop count (`1`: one proxy in front), or a comma-separated list of proxy addresses, CIDRs or express's preset names. */
function trustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (!text || text === '0') return false;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  try {
    checkProxyList(entries);
  } catch (error) {
    throw new Error(`SUPPORT_TRUST_PROXY must be a hop count or proxy addresses / CIDR ranges: ${(error as Error).message}`);
  }
  return entries;
}

function factor(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got ${value}`);
  return n;
}

function milliseconds(name: string, value: string): number {
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0) throw new Error(`${name} must be a whole number of milliseconds, got ${value}`);
  return ms;
}

/** An http(s) origin, optionally with a trailing slash; a path, query, fragment or credentials are mistakes. */
export function publicUrl(value: string): string {
  const problem = `SUPPORT_PUBLIC_URL must be an http(s) origin such as https://support.example.com, got ${value}`;
  if (!URL.canParse(value)) throw new Error(problem);
  const url = new URL(value);
  if (!/^https?:$/.test(url.protocol) || url.username || url.password || url.pathname !== '/' || url.search || url.hash) throw new Error(problem);
  return url.origin;
}

/** A comma-separated list of http(s) origins, each checked and reduced to scheme://host[:port]. */
function origins(name: string, value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      if (!URL.canParse(item) || !/^https?:$/.test(new URL(item).protocol)) throw new Error(`${name}: ${item} is not an http(s) origin`);
      return new URL(item).origin;
    });
}

export const sqliteFile = (config: Config): string => join(config.dataDir, 'support.sqlite');
