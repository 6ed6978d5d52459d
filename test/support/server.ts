// Starts a real server on a loopback port with its own SQLite file (or PostgreSQL database), plus helpers to reach it as clients do.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { io, type Socket } from 'socket.io-client';
import { startServer, type RunningServer } from '../../server/app';
import type { Config } from '../../server/config';
import { hashPassword } from '../../server/domain/identity/passwords';
import type { Clock } from '../../server/domain/ports';
import type { Agent, Organisation } from '../../server/domain/records';
import { createLogger } from '../../server/log';
import type { Result } from '../../shared/errors';
import {
  AGENT_NAMESPACE,
  VISITOR_NAMESPACE,
  type AgentClientEvents,
  type AgentServerEvents,
  type VisitorClientEvents,
  type VisitorServerEvents,
} from '../../shared/protocol';
import type { AckOf, PayloadOf } from '../../shared/protocol-schemas';
import { anAgent, anOrganisation } from './records';
import { chooseTestDatabase, TEST_POOL_SIZE, type TestStoreKind } from './test-store';

export type VisitorClient = Socket<VisitorServerEvents, VisitorClientEvents>;
export type AgentClient = Socket<AgentServerEvents, AgentClientEvents>;

export interface TestServer extends RunningServer {
  origin: string;
  dataDir: string;
  /** An organisation whose allowed origin is the test origin. */
  organisation(over?: Partial<Organisation>): Promise<Organisation>;
  agent(over?: Partial<Agent> & { password?: string }): Promise<Agent & { password: string }>;
  signIn(email: string, password: string): Promise<string>;
  visitor(auth: Record<string, unknown>, opts?: { origin?: string; headers?: Record<string, string>; transports?: string[] }): VisitorClient;
  agentSocket(cookie: string, opts?: { origin?: string; headers?: Record<string, string>; transports?: string[] }): AgentClient;
  stop(): Promise<void>;
}

export const TEST_ORIGIN = 'http://classroom.test';

export interface TestServerOptions {
  /** The store to run on; default from TEST_STORE (sqlite unless TEST_STORE=postgres). */
  store?: TestStoreKind;
  clock?: Clock;
}

/**
 * A server on a loopback port. On PostgreSQL (TEST_STORE=postgres or `{ store: 'postgres' }`) it gets a database
 * of its own, dropped by stop(); pass `databaseUrl` in the overrides to share one database between several
 * servers (the caller then owns it).
 */
export async function startTestServer(overrides: Partial<Config> = {}, options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-int-'));
  const database = await chooseTestDatabase({
    ...(options.store ? { store: options.store } : {}),
    ...(overrides.databaseUrl ? { databaseUrl: overrides.databaseUrl } : {}),
  });
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    examples: false,
    adminEmail: 'admin@example.com',
    adminPassword: 'admin-password',
    logLevel: 'silent',
    trustProxy: false,
    ...(database.databaseUrl ? { databaseUrl: database.databaseUrl, databasePoolSize: TEST_POOL_SIZE } : {}),
    ...overrides,
  };
  const server = await startServer({ config, log: createLogger(config.logLevel), ...(options.clock ? { clock: options.clock } : {}) }).catch(
    async (error: unknown) => {
      await database.release();
      throw error;
    },
  );
  const sockets: Socket[] = [];
  const { store, clock } = server.services;

  return {
    ...server,
    origin: TEST_ORIGIN,
    dataDir,
    organisation: (over = {}) =>
      store.createOrganisation(anOrganisation({ allowedOrigins: [TEST_ORIGIN], identitySecret: randomBytes(32).toString('hex'), ...over })),
    async agent({ password = 'agent-password', ...over } = {}) {
      const agent = await store.createAgent(
        anAgent({ passwordHash: await hashPassword(password), presence: 'offline', createdAt: clock.now(), ...over }),
      );
      return { ...agent, password };
    },
    async signIn(email, password) {
      const res = await fetch(`${server.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
      return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
    },
    visitor(auth, opts = {}) {
      const socket: VisitorClient = io(`${server.url}${VISITOR_NAMESPACE}`, {
        auth,
        extraHeaders: opts.headers ?? { origin: opts.origin ?? TEST_ORIGIN },
        transports: opts.transports ?? ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket as Socket);
      return socket;
    },
    agentSocket(cookie, opts = {}) {
      const socket: AgentClient = io(`${server.url}${AGENT_NAMESPACE}`, {
        extraHeaders: { cookie, ...(opts.headers ?? { origin: opts.origin ?? server.url }) },
        transports: opts.transports ?? ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket as Socket);
      return socket;
    },
    async stop() {
      for (const socket of sockets) socket.disconnect();
      await server.close();
      await database.release();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs an identity token the way a host app's backend does. */
export function identityToken(
  secret: string,
  claims: { sub: string; name: string; role: 'student' | 'teacher'; classroom?: string },
  opts: { expiresIn?: string | number; issuedAt?: number } = {},
): Promise<string> {
  const { sub, ...rest } = claims;
  const jwt = new SignJWT(rest).setProtectedHeader({ alg: 'HS256' }).setSubject(sub);
  jwt.setIssuedAt(opts.issuedAt);
  jwt.setExpirationTime(opts.expiresIn ?? '5m');
  return jwt.sign(new TextEncoder().encode(secret));
}

/** Resolves with the next event of that name. */
export function nextEvent<T>(socket: Socket, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${event}`)), timeoutMs);
    socket.once(event, (value: T) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

/** Waits for the first event whose payload passes `test`. */
export function eventWhere<T>(socket: Socket, event: string, test: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (value: T) => {
      if (!test(value)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(value);
    };
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`timed out waiting for a matching ${event}`));
    }, timeoutMs);
    socket.on(event, listener);
  });
}

/** The connect_error a handshake ends with. */
export function connectError(socket: Socket): Promise<{ message: string; code: string | undefined }> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected, but a refusal was expected')));
    socket.once('connect_error', (err: Error & { data?: { code?: string } }) => resolve({ message: err.message, code: err.data?.code }));
  });
}

/** What a request of event `E` sends: its payload, or nothing for an ack-only event (protocol-schemas.ts). */
export type RequestArgs<M, E extends keyof M> = PayloadOf<M, E> extends undefined ? [] : [payload: PayloadOf<M, E>];

/**
 * Emits with an ack and resolves with the Result, typed by the socket's event map as the server's handlers are:
 * the event must be one its namespace answers, the payload that event's, the Result that event's ack (`null` for
 * typing, which the server acks only when asked).
 */
export function request<S extends VisitorClient | AgentClient, E extends keyof EventsOf<S>>(
  socket: S,
  event: E,
  ...payload: RequestArgs<EventsOf<S>, E>
): Promise<Result<AckOf<EventsOf<S>, E>>> {
  return requestRaw(socket, event as string, ...payload) as Promise<Result<AckOf<EventsOf<S>, E>>>;
}

/** The events a client socket sends (its map's second type argument). */
type EventsOf<S> = S extends Socket<infer _Listen, infer Emit> ? Emit : never;

/** Sends anything at all under any event name, for tests of malformed and unknown requests: the server's Result. */
export function requestRaw(socket: Socket, event: string, ...args: unknown[]): Promise<Result<unknown>> {
  return socket.timeout(5000).emitWithAck(event, ...args) as Promise<Result<unknown>>;
}

/** Unwraps an ok Result or fails the test with the error. */
export function okData<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

export const newClientId = (): string => randomUUID();
