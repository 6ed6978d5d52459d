// The local load balancer `npm run cluster` and the multi-node tests use: sticky by cookie (and by Engine.IO
// session for cookie-less long-polling), WebSocket upgrades, health checks, failover when a node goes away.
import { createServer, request as httpRequest, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NODE_COOKIE, startBalancer, type Balancer } from '../../scripts/cluster/balancer';

/** A stand-in node: /healthz (switchable), /who, and a Socket.IO server that tells each client its node. */
interface Backend {
  name: string;
  port: number;
  healthy: boolean;
  io: Server;
  http: HttpServer;
  stop(): Promise<void>;
}

async function startBackend(name: string, port = 0): Promise<Backend> {
  const backend = { name, healthy: true } as Backend;
  const http = createServer((req, res) => {
    if (req.url === '/healthz') return void res.writeHead(backend.healthy ? 200 : 503).end();
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () =>
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`${name}${body ? ` got ${body}` : ''} for ${String(req.headers['x-forwarded-for'])}`),
    );
  });
  const server = new Server(http);
  server.on('connection', (socket) => {
    socket.emit('node', name);
    socket.on('who', (ack: (node: string) => void) => ack(name));
  });
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  Object.assign(backend, {
    http,
    io: server,
    port: (http.address() as AddressInfo).port,
    stop: async () => {
      await server.close();
      http.closeAllConnections();
    },
  });
  return backend;
}

function get(url: string, cookie?: string): Promise<{ body: string; setCookie: string[] }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: cookie ? { cookie } : {}, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ body, setCookie: res.headers['set-cookie'] ?? [] }));
    });
    req.on('error', reject);
    req.end();
  });
}

const nodeOf = (socket: Socket) => socket.timeout(2_000).emitWithAck('who') as Promise<string>;

describe('the local load balancer', () => {
  let a: Backend;
  let b: Backend;
  let balancer: Balancer;
  const clients: Socket[] = [];
  beforeEach(async () => {
    a = await startBackend('node-a');
    b = await startBackend('node-b');
    balancer = await startBalancer({ nodes: [a, b].map(({ name, port }) => ({ name, port })), healthIntervalMs: 100 });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.disconnect();
    await balancer.close();
    await a.stop();
    await b.stop();
  });

  it('spreads new clients over the nodes and keeps each on the node its cookie names', async () => {
    const first = await get(`${balancer.url}/who`);
    const second = await get(`${balancer.url}/who`);
    expect(new Set([first.body.split(' ')[0], second.body.split(' ')[0]])).toEqual(new Set(['node-a', 'node-b']));
    const cookie = first.setCookie.find((c) => c.startsWith(`${NODE_COOKIE}=`))!.split(';')[0]!;
    for (let i = 0; i < 4; i++) {
      const again = await get(`${balancer.url}/who`, cookie);
      expect(again.body.split(' ')[0]).toBe(first.body.split(' ')[0]);
      expect(again.setCookie).toEqual([]);
    }
    // The node learns who the client is.
    expect(first.body).toContain('for 127.0.0.1');
  });

  it('moves a client whose node fails its health check, or is gone, to a healthy one', async () => {
    const cookie = `${NODE_COOKIE}=node-a`;
    a.healthy = false;
    await expect.poll(() => balancer.healthy(), { timeout: 2_000 }).toEqual(['node-b']);
    const moved = await get(`${balancer.url}/who`, cookie);
    expect(moved.body).toMatch(/^node-b/);
    expect(moved.setCookie[0]).toMatch(new RegExp(`^${NODE_COOKIE}=node-b;`));

    // Gone before any health check noticed: the refused connection is retried on the other node at once.
    a.healthy = true;
    await expect.poll(() => balancer.healthy().sort(), { timeout: 2_000 }).toEqual(['node-a', 'node-b']);
    await a.stop();
    expect((await get(`${balancer.url}/who`, cookie)).body).toMatch(/^node-b/);
  });

  it('passes WebSocket upgrades through, and a client whose node dies reconnects to the other', async () => {
    const client = io(balancer.url, { transports: ['websocket'], reconnectionDelay: 50, reconnectionDelayMax: 200 });
    clients.push(client);
    const first = await nodeOf(await new Promise<Socket>((resolve) => client.once('connect', () => resolve(client))));
    const [dying, other] = first === 'node-a' ? [a, b] : [b, a];
    const reconnected = new Promise<void>((resolve) => client.io.once('reconnect', () => resolve()));
    await dying.stop();
    await reconnected;
    expect(await nodeOf(client)).toBe(other.name);
  });

  it('keeps cookie-less long-polling clients on the node that issued their session', async () => {
    // Without stickiness half the polls of each client would land on a node that does not know its session.
    for (let i = 0; i < 6; i++) {
      const client = io(balancer.url, { transports: ['polling'], reconnection: false, forceNew: true });
      clients.push(client);
    }
    await Promise.all(
      clients.map(
        (client) =>
          new Promise<void>((resolve, reject) => {
            client.once('connect', () => resolve());
            client.once('connect_error', reject);
          }),
      ),
    );
    const nodes = await Promise.all(clients.map(async (client) => [await nodeOf(client), await nodeOf(client), await nodeOf(client)]));
    for (const seen of nodes) expect(new Set(seen).size).toBe(1);
    expect(new Set(nodes.map((seen) => seen[0])).size).toBe(2);
    expect(clients.every((client) => client.connected)).toBe(true);
  });
});
