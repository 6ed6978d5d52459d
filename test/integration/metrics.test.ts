// /metrics on a real server: Prometheus text with connections, messages, acks, the queue, HTTP and store
// latency and event-loop lag; open to loopback clients, to anyone else only with the bearer token.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newClientId, nextEvent, okData, request, startTestServer, type TestServer } from '../support/server';

const TOKEN = 'metrics-token-for-the-test';

/** The value of the sample `name{…labels}`, or undefined when no such line exists. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const has = Object.entries(labels).every(([key, value]) => (match[2] ?? '').includes(`${key}="${value}"`));
    if (has) return Number(match[3]);
  }
  return undefined;
}

/** GET /metrics from a chosen local address (127.0.0.2 is a peer other than 127.0.0.1 without leaving loopback). */
function scrape(server: TestServer, { from = '127.0.0.1', headers = {} }: { from?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path: '/metrics', localAddress: from, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('/metrics', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ metricsToken: TOKEN, nodeName: 'node-a' });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('reports connections, messages, acks, the queue and latencies, labelled with the node', async () => {
    const org = await server.organisation();
    const student = server.visitor({ appKey: org.appKey, name: 'Ada' });
    await nextEvent(student, 'session');
    const second = server.visitor({ appKey: org.appKey, name: 'Ben' });
    await nextEvent(second, 'session');
    const lin = await server.agent({ name: 'Lin' });
    const agent = server.agentSocket(await server.signIn(lin.email, lin.password));
    await nextEvent(agent, 'session');
    // Nobody is available: the chat waits in the queue at its priority.
    const chat = okData(await request(student, 'conversation:start', { clientId: newClientId(), context: {}, urgency: 'class_stopped' }));
    okData(await request(student, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'No sound' }));
    const refused = await request(student, 'message:send', { conversationId: chat.id, clientId: 'not-a-uuid', text: '' });
    expect(refused.ok).toBe(false);
    await new Promise((r) => setTimeout(r, 50));

    const res = await scrape(server);
    expect(res.status).toBe(200);
    expect(res.type).toContain('text/plain');
    const text = res.body;
    expect(sample(text, 'support_socket_connections', { namespace: '/visitor', node: 'node-a' })).toBe(2);
    expect(sample(text, 'support_socket_connections', { namespace: '/agent', node: 'node-a' })).toBe(1);
    expect(sample(text, 'support_messages_total', { author: 'visitor' })).toBe(1);
    expect(sample(text, 'support_socket_acks_total', { event: 'message:send', result: 'ok' })).toBe(1);
    expect(sample(text, 'support_socket_acks_total', { event: 'message:send', result: 'bad_request' })).toBe(1);
    expect(sample(text, 'support_socket_ack_duration_seconds_count', { event: 'message:send' })).toBe(2);
    expect(sample(text, 'support_queue_waiting', { priority: 'P1' })).toBe(1);
    const waits = ['P1', 'P2', 'P3', 'P4'].map((priority) => sample(text, 'support_queue_oldest_wait_seconds', { priority }) ?? -1);
    expect(waits[0]).toBeGreaterThan(0);
    expect(waits.slice(1)).toEqual([0, 0, 0]);
    expect(sample(text, 'support_store_duration_seconds_count', { method: 'appendMessage' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'support_store_duration_seconds_count', { method: 'createConversation' })).toBe(1);
    expect(sample(text, 'support_http_request_duration_seconds_count', { method: 'POST', route: '/api/auth/sign-in', status: '200' })).toBe(1);
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'support_sla_breaches_total')).toBeUndefined();
    expect(text).toContain('# TYPE support_sla_warnings_total counter');
  });

  it('labels HTTP requests by route pattern, not by the path a client sent', async () => {
    await fetch(`${server.url}/api/tickets/some-id-${Date.now()}`);
    const text = (await scrape(server)).body;
    expect(text).not.toMatch(/route="[^"]*some-id-/);
  });

  it('answers other clients only with the bearer token', async () => {
    expect((await scrape(server, { from: '127.0.0.2' })).status).toBe(401);
    expect((await scrape(server, { from: '127.0.0.2', headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await scrape(server, { from: '127.0.0.2', headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    const allowed = await scrape(server, { from: '127.0.0.2', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(allowed.status).toBe(200);
    expect(allowed.body).toContain('support_socket_connections');
  });

  it('does not take a request forwarded by a proxy on this host for a loopback client', async () => {
    const forwarded = await scrape(server, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(forwarded.status).toBe(401);
    expect(forwarded.body).not.toContain('support_');
    expect((await scrape(server, { headers: { forwarded: 'for=203.0.113.7' } })).status).toBe(401);
  });
});

describe('/metrics without a token configured', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('is open to loopback only, whatever a client sends as a token', async () => {
    expect((await scrape(server)).status).toBe(200);
    expect((await scrape(server, { from: '127.0.0.2', headers: { authorization: 'Bearer ' } })).status).toBe(401);
    expect((await scrape(server, { from: '127.0.0.2', headers: { authorization: 'Bearer undefined' } })).status).toBe(401);
  });
});
