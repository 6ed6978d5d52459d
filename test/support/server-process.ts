// The server as a real child process on a fixed loopback port, over a database seeded beforehand: for fault
// tests (kill -9 and restart on the same port) and the delivery benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../server/domain/ports';
import { hashPassword } from '../../server/domain/identity/passwords';
import { anAgent, anOrganisation } from './records';
import { TEST_ORIGIN } from './server';
import { chooseTestDatabase, openTestStore, TEST_POOL_SIZE, type TestStoreKind } from './test-store';

export interface Deployment {
  dataDir: string;
  /** The PostgreSQL database every node of the deployment shares, or null for the SQLite file in dataDir. */
  databaseUrl: string | null;
  appKey: string;
  agents: { id: string; email: string; password: string }[];
  /** Opens the deployment's store (to check what the nodes wrote); the caller closes it. */
  openStore(): Store;
  /** Removes the data directory (and drops the database if the deployment created it). */
  remove(): Promise<void>;
}

export interface DeploymentOptions {
  agents: number;
  capacity: number;
  /** Default from TEST_STORE (sqlite unless TEST_STORE=postgres). */
  store?: TestStoreKind;
  /** An existing PostgreSQL database to seed (the caller drops it). */
  databaseUrl?: string;
}

/**
 * A data directory (and, on PostgreSQL, a database) with one anonymous-friendly organisation and `agents` L1
 * agents of the given capacity. Every node started on it with startServerProcess shares the same store.
 */
export async function seedDeployment({ agents, capacity, store: kind, databaseUrl: given }: DeploymentOptions): Promise<Deployment> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-fault-'));
  const database = await chooseTestDatabase({ ...(kind ? { store: kind } : {}), ...(given ? { databaseUrl: given } : {}) });
  const store = openTestStore(database.databaseUrl, join(dataDir, 'support.sqlite'));
  await store.migrate();
  const org = await store.createOrganisation(anOrganisation({ allowedOrigins: [TEST_ORIGIN], identityRequired: false }));
  const password = 'agent-password';
  const passwordHash = await hashPassword(password);
  const seeded = [];
  for (let i = 0; i < agents; i++) {
    const agent = await store.createAgent(anAgent({ name: `Agent ${i + 1}`, passwordHash, capacity, presence: 'offline' }));
    seeded.push({ id: agent.id, email: agent.email, password });
  }
  await store.close();
  return {
    dataDir,
    databaseUrl: database.databaseUrl,
    appKey: org.appKey,
    agents: seeded,
    openStore: () => openTestStore(database.databaseUrl, join(dataDir, 'support.sqlite')),
    async remove() {
      rmSync(dataDir, { recursive: true, force: true });
      await database.release();
    },
  };
}

/** Signs an agent in over REST and returns the session cookie, as the console does. */
export async function signIn(serverUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${serverUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

/**
 * For workloads of bots writing at machine speed (fault tests, benchmarks): three agents answering twenty
 * chats as fast as acks come back, or thousands of new visitors from 127.0.0.1, are far beyond what the flood
 * limits allow people (docs/security.md, "Rate limits"). The limits stay on, a hundred times wider.
 */
export const MACHINE_SPEED: Record<string, string> = { SUPPORT_RATE_LIMIT_FACTOR: '100' };

/** A loopback port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** What the process printed, for failure messages. */
  output(): string;
  /** SIGKILL: no shutdown code runs, exactly like a crash or a power cut of the process. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<void>;
}

export interface ProcessOptions {
  env?: Record<string, string>;
  /** Interface to listen on (default loopback). */
  host?: string;
  /** A command to run the server under, e.g. `ip netns exec <ns>`. */
  wrap?: string[];
  /** Extra flags for node itself, e.g. `--cpu-prof` (not allowed in NODE_OPTIONS). */
  nodeArgs?: string[];
  /** Where `server/main.ts` is: another checkout, for a benchmark's before/after (default: this one). */
  cwd?: string;
}

/** A node of `deployment` (its data directory and database), or of a bare SQLite data directory. */
export async function startServerProcess(
  deployment: Pick<Deployment, 'dataDir' | 'databaseUrl'> | string,
  port: number,
  { env = {}, host = '127.0.0.1', wrap = [], nodeArgs = [], cwd }: ProcessOptions = {},
): Promise<ServerProcess> {
  const { dataDir, databaseUrl } = typeof deployment === 'string' ? { dataDir: deployment, databaseUrl: null } : deployment;
  // An empty DATABASE_URL keeps a SQLite node on SQLite whatever the test runner's environment holds.
  const database = databaseUrl ? { DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: String(TEST_POOL_SIZE) } : { DATABASE_URL: '' };
  // The same young-generation size as `npm start` (package.json; docs/operations.md): a class-start burst allocates
  // fast, and with V8's default most of it is promoted and later collected in long full-heap pauses.
  const [command = process.execPath, ...args] = [
    ...wrap,
    process.execPath,
    '--max-semi-space-size=64',
    ...nodeArgs,
    '--import',
    'tsx',
    'server/main.ts',
  ];
  const child = spawn(command, args, {
    env: { ...process.env, PORT: String(port), HOST: host, SUPPORT_DATA_DIR: dataDir, SUPPORT_EXAMPLES: '0', LOG_LEVEL: 'warn', ...database, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(cwd ? { cwd } : {}),
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Never outlive the test or benchmark that started us, even when it is interrupted.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  void exited.then(() => process.off('exit', orphanGuard));
  const url = `http://${host}:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    const ready = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become ready:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url, port, child, output: () => out, kill9: () => stopWith('SIGKILL'), stop: () => stopWith('SIGTERM') };
}
