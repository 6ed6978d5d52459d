// A TCP proxy on loopback that breaks things on purpose: cuts connections, refuses them, blocks WebSocket
// upgrades like a school proxy, and adds latency and loss-like stalls like a weak classroom network.
import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface WeakNetwork {
  /** Added round-trip time, split evenly between the two directions. */
  latencyMs: number;
  /** Share of chunks "lost": each waits an extra retransmission timeout, holding back what follows (as TCP does). */
  lossRate: number;
  /** How long a lost chunk waits for its retransmission (default 300 ms: TCP's minimum RTO plus a round trip). */
  retransmitMs?: number;
}

export interface ChaosProxy {
  url: string;
  port: number;
  /** Destroys every open connection at once (both sides see a reset). */
  cutAll(): void;
  /** While down, new connections are closed at once and open ones are cut. */
  setDown(down: boolean): void;
  /** Cuts each connection after a random lifetime between minMs and maxMs; null stops it. */
  cutRandomly(lifetime: { minMs: number; maxMs: number } | null): void;
  /** Refuses WebSocket upgrade requests with 403, as proxies that block WebSocket do. */
  blockWebSocket(block: boolean): void;
  /** Sends new connections to another loopback port from now on, as a balancer moves clients off a dead node. */
  retarget(port: number): void;
  weaken(network: WeakNetwork | null): void;
  readonly stats: { connections: number; cuts: number; refusedUpgrades: number };
  close(): Promise<void>;
}

export async function startChaosProxy(targetPort: number, random: () => number = Math.random): Promise<ChaosProxy> {
  const open = new Set<{ client: Socket; upstream: Socket; timer?: ReturnType<typeof setTimeout> }>();
  const stats = { connections: 0, cuts: 0, refusedUpgrades: 0 };
  let down = false;
  let lifetime: { minMs: number; maxMs: number } | null = null;
  let blockWs = false;
  let network: WeakNetwork | null = null;
  let target = targetPort;

  const cut = (pair: { client: Socket; upstream: Socket; timer?: ReturnType<typeof setTimeout> }) => {
    clearTimeout(pair.timer);
    if (!open.delete(pair)) return;
    stats.cuts += 1;
    pair.client.resetAndDestroy();
    pair.upstream.resetAndDestroy();
  };

  /** Forwards one direction: chunks and the final end leave strictly in arrival order, each after its delay. */
  function forward(from: Socket, to: Socket, first?: Buffer): void {
    const queue: { at: number; run: () => void }[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    let releaseAt = 0;
    const release = () => {
      timer = undefined;
      while (queue.length > 0 && queue[0]!.at <= Date.now()) queue.shift()!.run();
      if (queue.length > 0) timer = setTimeout(release, queue[0]!.at - Date.now());
    };
    const schedule = (delayMs: number, run: () => void) => {
      releaseAt = Math.max(releaseAt, Date.now() + delayMs);
      if (queue.length === 0 && releaseAt <= Date.now()) return run();
      queue.push({ at: releaseAt, run });
      if (timer === undefined) timer = setTimeout(release, Math.max(0, queue[0]!.at - Date.now()));
    };
    const send = (chunk: Buffer) => {
      const lost = network && random() < network.lossRate ? (network.retransmitMs ?? 300) : 0;
      schedule(network ? network.latencyMs / 2 + lost : 0, () => {
        if (!to.destroyed) to.write(chunk);
      });
    };
    if (first) send(first);
    from.on('data', send);
    // What is still on its way arrives first; then the other side learns that this one is done.
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      schedule(0, () => {
        if (!to.destroyed) to.end();
      });
    };
    from.once('end', finish);
    from.once('close', finish);
  }

  // Half-open allowed: a client may finish its request (FIN) and still be waiting for a delayed answer.
  const server = createServer({ allowHalfOpen: true }, (client) => {
    if (down) return void client.resetAndDestroy();
    stats.connections += 1;
    const upstream = connect({ port: target, host: '127.0.0.1', allowHalfOpen: true });
    const pair: { client: Socket; upstream: Socket; timer?: ReturnType<typeof setTimeout> } = { client, upstream };
    open.add(pair);
    const forget = () => {
      if (!client.destroyed || !upstream.destroyed) return;
      clearTimeout(pair.timer);
      open.delete(pair);
    };
    // Errors end in 'close'; forward() passes the end on once delayed data has gone through.
    client.on('error', () => undefined).on('close', forget);
    upstream.on('error', () => undefined).on('close', forget);
    if (lifetime) pair.timer = setTimeout(() => cut(pair), lifetime.minMs + random() * (lifetime.maxMs - lifetime.minMs));

    client.once('data', (first: Buffer) => {
      if (blockWs && /^upgrade:\s*websocket/im.test(first.toString('latin1'))) {
        stats.refusedUpgrades += 1;
        open.delete(pair);
        upstream.destroy();
        client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
        return;
      }
      forward(client, upstream, first);
      forward(upstream, client);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats,
    cutAll: () => [...open].forEach(cut),
    setDown(value) {
      down = value;
      if (value) [...open].forEach(cut);
    },
    cutRandomly(value) {
      lifetime = value;
    },
    blockWebSocket(value) {
      blockWs = value;
    },
    retarget(port) {
      target = port;
    },
    weaken(value) {
      network = value;
    },
    async close() {
      [...open].forEach(cut);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
