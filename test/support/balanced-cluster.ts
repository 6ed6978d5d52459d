// N real server processes on fixed loopback ports behind the local load balancer (scripts/cluster): for tests
// that kill, drain and restart nodes while clients go on through the balancer.
import { startBalancer, type Balancer } from '../../scripts/cluster/balancer';
import { freePort, MACHINE_SPEED, startServerProcess, type Deployment, type ServerProcess } from './server-process';

export interface BalancedClusterOptions {
  nodes: number;
  /** What every node opens: its data directory (one shared SQLite file, or attachments beside PostgreSQL). */
  deployment: Pick<Deployment, 'dataDir' | 'databaseUrl'>;
  /** Given to every node, e.g. DATABASE_URL and REDIS_URL. */
  env?: Record<string, string>;
  /** Nodes started with the cluster (default all); the others start with `start(i)`. */
  startNow?: number;
}

export interface BalancedCluster {
  balancer: Balancer;
  /** The running process of each node; undefined while a node is down. */
  nodes: (ServerProcess | undefined)[];
  names: string[];
  ports: number[];
  /** Starts (or restarts, on the same port) node i and waits until it is ready. */
  start(i: number): Promise<ServerProcess>;
  /** The running node i, or an error naming it. */
  node(i: number): ServerProcess;
  close(): Promise<void>;
}

export async function startBalancedCluster({
  nodes: count,
  deployment,
  env = {},
  startNow = count,
}: BalancedClusterOptions): Promise<BalancedCluster> {
  const ports: number[] = [];
  for (let i = 0; i < count; i++) ports.push(await freePort());
  const names = ports.map((_, i) => `node-${i + 1}`);
  const balancer = await startBalancer({ nodes: names.map((name, i) => ({ name, port: ports[i]! })), healthIntervalMs: 250 });
  const nodes: (ServerProcess | undefined)[] = names.map(() => undefined);
  const start = async (i: number) => {
    const node = await startServerProcess(deployment, ports[i]!, {
      // Bots write at machine speed: the flood limits stay on, wider (see MACHINE_SPEED).
      env: { SUPPORT_NODE_NAME: names[i]!, SUPPORT_PUBLIC_URL: balancer.url, SUPPORT_TRUST_PROXY: '1', ...MACHINE_SPEED, ...env },
    });
    nodes[i] = node;
    node.child.once('exit', () => {
      if (nodes[i] === node) nodes[i] = undefined;
    });
    return node;
  };
  try {
    // The first start migrates and seeds whatever the database still lacks; then the others, together.
    if (startNow > 0) await start(0);
    await Promise.all(Array.from({ length: Math.max(0, startNow - 1) }, (_, i) => start(i + 1)));
  } catch (error) {
    await Promise.all(nodes.map((node) => node?.kill9()));
    await balancer.close();
    throw error;
  }
  return {
    balancer,
    nodes,
    names,
    ports,
    start,
    node(i) {
      const node = nodes[i];
      if (!node) throw new Error(`${names[i]} is not running`);
      return node;
    },
    async close() {
      await Promise.all(nodes.map((node) => node?.stop()));
      await balancer.close();
    },
  };
}
