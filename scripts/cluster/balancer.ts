// A small cookie-sticky load balancer for trying several nodes locally and for the multi-node tests: HTTP and
// WebSocket upgrades, health checks on /healthz, and failover to the next healthy node when one is down.
// Production uses nginx or a cloud balancer (docs/scaling.md); this one exists so `npm run cluster` needs nothing.
import { createServer, request as httpRequest, Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { appendCookie, pickNode, stickyNode, type NodeState } from './balancer-routing';
import { SidMap } from './sid-map';

export interface BalancerOptions {
  /** The nodes, e.g. { name: 'node-1', port: 3001 } on 127.0.0.1. */
  nodes: { name: string; port: number; host?: string }[];
  port?: number;
  host?: string;
  /** How often /healthz is asked (default 500 ms); a refused connection marks a node down at once. */
  healthIntervalMs?: number;
}

export interface Balancer {
  url: string;
  port: number;
  /** Names of the nodes that passed their last health check. */
  healthy(): string[];
  /** Requests and WebSocket connections sent to each node so far. */
  readonly sent: Map<string, number>;
  close(): Promise<void>;
}

export const NODE_COOKIE = 'cs_node';
/** How long a health check may take before it counts as slow. */
const HEALTH_TIMEOUT_MS = 2_000;

export async function startBalancer({ nodes: given, port = 0, host = '127.0.0.1', healthIntervalMs = 500 }: BalancerOptions): Promise<Balancer> {
  const nodes: NodeState[] = given.map(({ name, port: nodePort, host: nodeHost = '127.0.0.1' }) => ({
    name,
    host: nodeHost,
    port: nodePort,
    healthy: false,
    slowChecks: 0,
  }));
  const sids = new SidMap();
  const sent = new Map<string, number>();
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const open = new Set<Socket>();
  const count = (node: NodeState) => sent.set(node.name, (sent.get(node.name) ?? 0) + 1);
  let turn = 0;
  const nextTurn = () => turn++;

  /**
   * Down at once when the node refuses connections (it is gone) or answers 503 (starting, draining); only after
   * two failed checks in a row when it is merely slow to answer, so a busy node does not lose its sticky clients.
   */
  async function check(node: NodeState): Promise<void> {
    const outcome = await new Promise<'up' | 'down' | 'slow'>((resolve) => {
      const req = httpRequest({ host: node.host, port: node.port, path: '/healthz', timeout: HEALTH_TIMEOUT_MS, agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode === 200 ? 'up' : 'down');
      });
      req.on('timeout', () => {
        req.destroy();
        resolve('slow');
      });
      req.on('error', () => resolve('down'));
      req.end();
    });
    node.slowChecks = outcome === 'slow' ? node.slowChecks + 1 : 0;
    if (outcome !== 'slow') node.healthy = outcome === 'up';
    else if (node.slowChecks >= 2) node.healthy = false;
  }
  await Promise.all(nodes.map(check));
  // One check per node at a time: a slow one is not piled upon.
  const checking = new Set<NodeState>();
  const timer = setInterval(() => {
    for (const node of nodes) {
      if (checking.has(node)) continue;
      checking.add(node);
      void check(node).finally(() => checking.delete(node));
    }
  }, healthIntervalMs);

  /** Where this request goes first, and whether the client must be told (cookie) where it now lives. */
  const route = (req: IncomingMessage, tried: Set<string>) => {
    const sticky = stickyNode(req, nodes, sids, NODE_COOKIE);
    const node = sticky && !tried.has(sticky.name) ? sticky : pickNode(nodes, tried, nextTurn);
    return node ? { node, tell: node !== sticky || !req.headers.cookie?.includes(`${NODE_COOKIE}=${node.name}`) } : null;
  };

  const forwardedHeaders = (req: IncomingMessage) => ({
    ...req.headers,
    'x-forwarded-for': [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', '),
    'x-forwarded-proto': 'http',
  });

  function proxyRequest(req: IncomingMessage, res: ServerResponse, tried = new Set<string>()): void {
    const chosen = route(req, tried);
    if (!chosen) return void res.writeHead(503, { 'content-type': 'text/plain' }).end('No healthy node\n');
    const { node, tell } = chosen;
    tried.add(node.name);
    count(node);
    let started = false;
    const upstream = httpRequest(
      { host: node.host, port: node.port, method: req.method, path: req.url, headers: forwardedHeaders(req), agent },
      (answer) => {
        const headers = { ...answer.headers };
        if (tell) headers['set-cookie'] = appendCookie(headers['set-cookie'], `${NODE_COOKIE}=${node.name}; Path=/; HttpOnly; SameSite=Lax`);
        res.writeHead(answer.statusCode ?? 502, headers);
        sids.learn(req, answer, node.name);
        answer.pipe(res);
      },
    );
    // The body is passed on only once a connection stands: a refused one can still be retried elsewhere.
    upstream.on('socket', (socket) => {
      const start = () => {
        started = true;
        req.pipe(upstream);
      };
      if (socket.connecting) socket.once('connect', start);
      else start();
    });
    // The client went away before its answer was complete (a long-poll closed): so does the upstream request. A
    // finished one is left alone: its connection is back in the keep-alive pool, serving someone else.
    let clientGone = false;
    res.on('close', () => {
      if (res.writableFinished) return;
      clientGone = true;
      upstream.destroy();
    });
    upstream.on('error', () => {
      if (clientGone) return;
      if (res.headersSent) return void res.destroy();
      // No connection stood: the node is down (before its health check says so). Nothing of the body was sent,
      // and a GET has none: either way the next node can take it.
      if (!started) node.healthy = false;
      if (!started || req.method === 'GET' || req.method === 'HEAD') return proxyRequest(req, res, tried);
      res.writeHead(502, { 'content-type': 'text/plain' }).end('The node went away\n');
    });
  }

  function proxyUpgrade(req: IncomingMessage, client: Socket, head: Buffer, tried = new Set<string>()): void {
    const chosen = route(req, tried);
    if (!chosen) return void client.end('HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    const { node, tell } = chosen;
    tried.add(node.name);
    count(node);
    const upstream = connect({ host: node.host, port: node.port });
    open.add(upstream);
    upstream.once('close', () => open.delete(upstream));
    let retried = false;
    upstream.once('error', () => {
      if (upstream.bytesRead === 0 && !client.destroyed) {
        retried = true;
        node.healthy = false;
        return proxyUpgrade(req, client, head, tried);
      }
      client.destroy();
    });
    upstream.once('connect', () => {
      const headers = Object.entries(forwardedHeaders(req)).flatMap(([name, value]) =>
        Array.isArray(value) ? value.map((v) => `${name}: ${v}`) : value === undefined ? [] : [`${name}: ${value}`],
      );
      upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      // The node's 101 answer gets the cookie added before its blank line; then bytes flow untouched both ways.
      let answer = Buffer.alloc(0);
      const readHead = (chunk: Buffer) => {
        answer = Buffer.concat([answer, chunk]);
        const end = answer.indexOf('\r\n\r\n');
        if (end < 0) return;
        upstream.off('data', readHead);
        const cookie = tell ? `Set-Cookie: ${NODE_COOKIE}=${node.name}; Path=/; HttpOnly; SameSite=Lax\r\n` : '';
        client.write(Buffer.concat([answer.subarray(0, end + 2), Buffer.from(cookie), answer.subarray(end + 2)]));
        upstream.pipe(client);
        client.pipe(upstream);
      };
      upstream.on('data', readHead);
    });
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    // The node went away (killed, drained): so does the client's connection, and its client reconnects.
    upstream.on('close', () => retried || client.destroy());
  }

  const server = createServer((req, res) => proxyRequest(req, res));
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    proxyUpgrade(req, socket, head);
  });
  server.on('connection', (socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    healthy: () => nodes.filter((node) => node.healthy).map((node) => node.name),
    sent,
    async close() {
      clearInterval(timer);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of open) socket.destroy();
      agent.destroy();
      await closed;
    },
  };
}
