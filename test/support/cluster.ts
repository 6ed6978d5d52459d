// Several real server processes on one database and one Redis, as the scale-out tests run them: Redis database 3
// (or REDIS_TEST_URL) with a prefix of its own per run, whose keys are removed afterwards; clients for each node.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { AGENT_NAMESPACE, VISITOR_NAMESPACE } from '../../shared/protocol';
import { hashPassword } from '../../server/domain/identity/passwords';
import { anAgent } from './records';
import { nextEvent, TEST_ORIGIN, type AgentClient, type VisitorClient } from './server';
import type { TestStoreKind } from './test-store';
import { freePort, seedDeployment, signIn, startServerProcess, type Deployment, type ServerProcess } from './server-process';

export const REDIS_TEST_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379/3';

export interface Cluster {
  deployment: Deployment;
  nodes: ServerProcess[];
  /** The Redis key and channel prefix of this run. */
  prefix: string;
  admin: { id: string; email: string; password: string };
  /** Starts one more node; `redisUrl` lets a node reach Redis through a proxy. */
  startNode(opts?: { redisUrl?: string; env?: Record<string, string> }): Promise<ServerProcess>;
  visitor(node: ServerProcess | string, name: string, opts?: { recover?: boolean }): VisitorClient;
  /** A console signed in on `node`, once its session has arrived. */
  agentConsole(node: ServerProcess, agent: { email: string; password: string }): Promise<AgentClient>;
  /** Disconnects every client, stops every node and removes the run's data and Redis keys. */
  stop(): Promise<void>;
}

/** Scale-out runs on PostgreSQL, as deployments with several nodes do; TEST_STORE=sqlite runs them on one SQLite file. */
export const clusterStoreKind = (): TestStoreKind => (process.env.TEST_STORE === 'sqlite' ? 'sqlite' : 'postgres');

export async function startCluster({
  nodes,
  agents,
  capacity,
  env = {},
  store = clusterStoreKind(),
}: {
  nodes: number;
  agents: number;
  capacity: number;
  env?: Record<string, string>;
  store?: TestStoreKind;
}): Promise<Cluster> {
  const deployment = await seedDeployment({ agents, capacity, store });
  const prefix = `cs-test-${randomBytes(6).toString('hex')}`;
  const admin = await seedAdmin(deployment);
  const running: ServerProcess[] = [];
  const sockets: Socket[] = [];

  const startNode = async ({ redisUrl = REDIS_TEST_URL, env: extra = {} }: { redisUrl?: string; env?: Record<string, string> } = {}) => {
    const node = await startServerProcess(deployment, await freePort(), {
      env: { REDIS_URL: redisUrl, SUPPORT_REDIS_PREFIX: prefix, ...env, ...extra },
    });
    running.push(node);
    return node;
  };
  // All nodes start before anyone connects (each marks every console as dropped when it starts).
  await Promise.all(Array.from({ length: nodes }, () => startNode()));

  return {
    deployment,
    nodes: running,
    prefix,
    admin,
    startNode,
    visitor(node, name, { recover = false } = {}) {
      const url = typeof node === 'string' ? node : node.url;
      const socket: VisitorClient = io(`${url}${VISITOR_NAMESPACE}`, {
        auth: { appKey: deployment.appKey, name },
        extraHeaders: { origin: TEST_ORIGIN },
        transports: ['websocket'],
        reconnection: recover,
        reconnectionDelay: 100,
        reconnectionDelayMax: 200,
        forceNew: true,
      });
      sockets.push(socket as Socket);
      return socket;
    },
    async agentConsole(node, agent) {
      const cookie = await signIn(node.url, agent.email, agent.password);
      const socket: AgentClient = io(`${node.url}${AGENT_NAMESPACE}`, {
        extraHeaders: { cookie, origin: node.url },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket as Socket);
      await nextEvent(socket as Socket, 'session', 10_000);
      return socket;
    },
    async stop() {
      for (const socket of sockets) socket.disconnect();
      await Promise.all(running.map((node) => node.stop()));
      await deployment.remove();
      await removeRedisKeys(prefix);
    },
  };
}

async function seedAdmin(deployment: Deployment): Promise<{ id: string; email: string; password: string }> {
  // The deployment's own store: its SQLite file, or its PostgreSQL database under TEST_STORE=postgres.
  const store = deployment.openStore();
  try {
    const password = 'admin-password';
    const admin = await store.createAgent(
      anAgent({ name: 'Ada Admin', role: 'admin', passwordHash: await hashPassword(password), presence: 'offline' }),
    );
    return { id: admin.id, email: admin.email, password };
  } finally {
    await store.close();
  }
}

/** Deletes every key of the run's prefix (streams, recovery sessions) from a test database. */
export async function removeRedisKeys(prefix: string, url: string = REDIS_TEST_URL): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
