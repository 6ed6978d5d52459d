// A weak classroom network between the test's clients and the server: Linux netem in a network namespace the
// test creates when it runs as root on a kernel with netem, otherwise the chaos proxy's latency and loss.
import { execFileSync } from 'node:child_process';
import { startChaosProxy, type ChaosProxy } from '../../support/chaos-proxy';

export interface WeakProfile {
  /** Added round-trip time. */
  latencyMs: number;
  /** Packet (netem) or chunk (proxy) loss, 0–1. */
  loss: number;
}

export interface WeakPath {
  kind: 'netem' | 'proxy';
  /** Where the server must listen, and under which command it must run. */
  serverHost: string;
  wrap: string[];
  /** The URL clients use to reach a server listening on `port` behind the weak link. */
  connect(port: number): Promise<string>;
  close(): Promise<void>;
}

const run = (command: string, args: string[]) => execFileSync(command, args, { stdio: 'ignore', timeout: 10_000 });

/** Root, the `ip` and `tc` tools, and a kernel with the netem qdisc (many container kernels lack it). */
export function netemAvailable(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = `cs-probe-${process.pid}`;
  try {
    run('ip', ['netns', 'add', probe]);
    run('ip', ['netns', 'exec', probe, 'ip', 'link', 'set', 'lo', 'up']);
    run('ip', ['netns', 'exec', probe, 'tc', 'qdisc', 'add', 'dev', 'lo', 'root', 'netem', 'delay', '1ms']);
    return true;
  } catch {
    return false;
  } finally {
    try {
      run('ip', ['netns', 'del', probe]);
    } catch {
      // Never created: nothing to remove.
    }
  }
}

/** A namespace joined to ours by a veth pair, with netem on both ends: half the latency and the loss each way. */
function netemPath(profile: WeakProfile): WeakPath {
  const id = process.pid % 250;
  const ns = `cs-weak-${process.pid}`;
  const [hostSide, nsSide] = [`csh${id}`, `csn${id}`];
  const [hostIp, nsIp] = [`10.213.${id}.1`, `10.213.${id}.2`];
  const netem = ['root', 'netem', 'delay', `${profile.latencyMs / 2}ms`, 'loss', `${profile.loss * 100}%`];
  run('ip', ['netns', 'add', ns]);
  try {
    run('ip', ['link', 'add', hostSide, 'type', 'veth', 'peer', 'name', nsSide]);
    run('ip', ['link', 'set', nsSide, 'netns', ns]);
    run('ip', ['addr', 'add', `${hostIp}/30`, 'dev', hostSide]);
    run('ip', ['link', 'set', hostSide, 'up']);
    run('ip', ['netns', 'exec', ns, 'ip', 'addr', 'add', `${nsIp}/30`, 'dev', nsSide]);
    run('ip', ['netns', 'exec', ns, 'ip', 'link', 'set', nsSide, 'up']);
    run('ip', ['netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up']);
    run('tc', ['qdisc', 'add', 'dev', hostSide, ...netem]);
    run('ip', ['netns', 'exec', ns, 'tc', 'qdisc', 'add', 'dev', nsSide, ...netem]);
  } catch (error) {
    run('ip', ['netns', 'del', ns]);
    throw error;
  }
  return {
    kind: 'netem',
    serverHost: nsIp,
    wrap: ['ip', 'netns', 'exec', ns],
    connect: async (port) => `http://${nsIp}:${port}`,
    async close() {
      // Deleting the namespace removes the veth pair and its qdiscs with it.
      run('ip', ['netns', 'del', ns]);
    },
  };
}

function proxyPath(profile: WeakProfile): WeakPath {
  let proxy: ChaosProxy | null = null;
  return {
    kind: 'proxy',
    serverHost: '127.0.0.1',
    wrap: [],
    async connect(port) {
      proxy = await startChaosProxy(port);
      proxy.weaken({ latencyMs: profile.latencyMs, lossRate: profile.loss });
      return proxy.url;
    },
    async close() {
      await proxy?.close();
    },
  };
}

export function openWeakNetwork(profile: WeakProfile): WeakPath {
  return netemAvailable() ? netemPath(profile) : proxyPath(profile);
}
