// Attacks that already held, replayed: malformed and oversized Socket.IO frames, written by hand on the
// long-polling transport (the same parser serves WebSocket). Each ends that connection or is refused with
// bad_request; the server stays up for everyone else and stores nothing from the attacker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organisation } from '../../server/domain/records';
import { newClientId, nextEvent, okData, request, requestRaw, startTestServer, type TestServer } from '../support/server';
import { settle } from './support/attack';

/** A raw Engine.IO long-polling session: the framing a browser would send, without any client library. */
class RawPolling {
  private constructor(
    private readonly base: string,
    private readonly origin: string,
  ) {}

  static async open(server: TestServer): Promise<RawPolling> {
    const res = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: server.origin } });
    const text = await res.text();
    const { sid } = JSON.parse(text.slice(1)) as { sid: string };
    return new RawPolling(`${server.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, server.origin);
  }

  async send(body: string): Promise<number> {
    const res = await fetch(this.base, { method: 'POST', headers: { origin: this.origin, 'content-type': 'text/plain;charset=UTF-8' }, body });
    await res.text();
    return res.status;
  }

  /** What the server has for us, or null when it ended the session (400 unknown sid, or a close packet). */
  async receive(): Promise<string | null> {
    const res = await fetch(this.base, { headers: { origin: this.origin }, signal: AbortSignal.timeout(5000) });
    const text = await res.text();
    if (res.status !== 200) return null;
    return text.split('\x1e').includes('1') ? null : text;
  }
}

describe('malformed and oversized frames', () => {
  let server: TestServer;
  let org: Organisation;

  beforeAll(async () => {
    server = await startTestServer();
    org = await server.organisation({ identityRequired: false });
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function connected(): Promise<RawPolling> {
    const raw = await RawPolling.open(server);
    expect(await raw.send(`40/visitor,${JSON.stringify({ appKey: org.appKey, name: 'Fuzzer' })}`)).toBe(200);
    expect(await raw.receive()).toContain('40/visitor,{"sid"');
    return raw;
  }

  const conversations = async () => (await server.services.store.listQueued()).length;

  const frames: Array<[string, string]> = [
    ['truncated JSON', '42/visitor,0["conversation:start",{"clientId":'],
    ['an event name that is not a string', '42/visitor,1[{"event":"conversation:start"},{}]'],
    ['an unknown packet type', '9/visitor,{}'],
    ['a binary packet announcing a million attachments', '451000000-/visitor,2["conversation:start",{"_placeholder":true,"num":0}]'],
    ['a namespace that does not exist', '42/admin,3["inbox:fetch"]'],
    ['arrays nested 30,000 deep', `42/visitor,4["conversation:start",${'['.repeat(30_000)}${']'.repeat(30_000)}]`],
    ['a __proto__ payload', '42/visitor,5["conversation:start",{"__proto__":{"clientId":"x"},"context":{}}]'],
  ];

  it.each(frames)('survives %s, stores nothing, and keeps serving others', async (_name, frame) => {
    const before = await conversations();
    const raw = await connected();
    await raw.send(frame);
    await settle(100);
    // Either the connection was ended, or the frame was answered without effect; never a crash.
    await raw.receive().catch(() => null);
    expect(await conversations()).toBe(before);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('refuses a frame larger than the 64 KB limit before parsing it', async () => {
    const before = await conversations();
    const raw = await connected();
    const huge = `42/visitor,6["conversation:start",{"clientId":"${newClientId()}","context":{"pad":"${'x'.repeat(200_000)}"}}]`;
    expect(await raw.send(huge)).toBe(413);
    await settle(100);
    expect(await conversations()).toBe(before);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('ends a client library connection that sends an oversized message over WebSocket', async () => {
    const socket = server.visitor({ appKey: org.appKey, name: 'Big' });
    await nextEvent(socket, 'session');
    const gone = nextEvent<string>(socket, 'disconnect');
    socket.emit('message:send', { conversationId: newClientId(), clientId: newClientId(), text: 'y'.repeat(100_000) }, () => undefined);
    expect(await gone).toBe('transport close');
  });

  it('answers well-framed but wrongly shaped payloads with bad_request', async () => {
    const socket = server.visitor({ appKey: org.appKey, name: 'Shapes' });
    await nextEvent(socket, 'session');
    for (const payload of [
      null,
      [],
      'text',
      42,
      { clientId: newClientId(), context: 'nope' },
      { clientId: newClientId(), context: {}, urgency: 'panic' },
    ]) {
      expect(await requestRaw(socket, 'conversation:start', payload)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    // And the same socket still works for a proper request.
    const chat = okData(await request(socket, 'conversation:start', { clientId: newClientId(), context: {} }));
    expect(chat.status).toBeDefined();
  });
});
