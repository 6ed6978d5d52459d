// `npm run bench:connect`: a connect storm — N verified visitors (each with its own signed identity token) connect
// at once. In the same run, the same clients first connect to a bare Socket.IO server with our options (the
// baseline: what Socket.IO itself costs on this machine), then to ours (a real server process, SQLite store,
// every visitor new). Prints both times, the ratio, drops while the connections are held, and each server's RSS.
// Options: --visitors 10000 --batch 250 --hold 12; --cpu-prof DIR writes our server's CPU profile there;
// --server-dir DIR runs another checkout's server as "ours" (before/after comparisons).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { SignJWT } from 'jose';
import { openSqliteStore } from '../../server/store/sqlite/index';
import { anOrganisation } from '../support/records';
import { freePort, MACHINE_SPEED, startServerProcess } from '../support/server-process';
import { TEST_ORIGIN } from '../support/server';
import { connectStorm, type Storm } from './connect/storm';
import { cpuMs, rssMb } from './proc-stats';

const { values } = parseArgs({
  options: {
    visitors: { type: 'string', default: '10000' },
    batch: { type: 'string', default: '250' },
    hold: { type: 'string', default: '12' },
    'cpu-prof': { type: 'string' },
    /** Another checkout's server (e.g. the code before a change), run against the same clients. */
    'server-dir': { type: 'string' },
  },
});
const VISITORS = Number(values.visitors);
const BATCH = Number(values.batch);
/** Long enough for a ping round (10 s): a server too busy to answer would drop connections here. */
const HOLD_MS = Number(values.hold) * 1000;

const progress = (what: string) => process.stderr.write(`… ${what}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Result {
  name: string;
  storm: Storm;
  /** Server CPU time spent until every visitor was connected. */
  cpu: number;
  drops: number;
  rss: number;
}

/** Connects everyone, then holds them; `pid` is the server's. */
async function measure(name: string, url: string, auths: Record<string, unknown>[], pid: number | undefined): Promise<Result> {
  const cpuBefore = cpuMs(pid);
  const storm = await connectStorm(url, auths, { batch: BATCH });
  const cpu = cpuMs(pid) - cpuBefore;
  try {
    progress(`${name}: ${VISITORS} connected in ${(storm.connectMs / 1000).toFixed(2)} s; holding ${HOLD_MS / 1000} s`);
    await sleep(HOLD_MS);
    return { name, storm, cpu, drops: storm.drops(), rss: rssMb(pid) };
  } finally {
    storm.close();
  }
}

async function bare(): Promise<Result> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/load/connect/bare-server.ts', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.once('exit', () => child.kill('SIGKILL'));
  await new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve()));
  progress(`bare Socket.IO: ${VISITORS} connections`);
  try {
    return await measure(
      'bare Socket.IO',
      `http://127.0.0.1:${port}`,
      Array.from({ length: VISITORS }, () => ({})),
      child.pid,
    );
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

async function ours(): Promise<Result> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-connect-'));
  const secret = 'bench-identity-secret-'.padEnd(48, 'x');
  const seed = openSqliteStore(join(dataDir, 'support.sqlite'));
  await seed.migrate();
  const org = await seed.createOrganisation(anOrganisation({ allowedOrigins: [TEST_ORIGIN], identityRequired: true, identitySecret: secret }));
  await seed.close();
  progress(`signing ${VISITORS} identity tokens`);
  const key = new TextEncoder().encode(secret);
  const auths = await Promise.all(
    Array.from({ length: VISITORS }, async (_, i) => ({
      appKey: org.appKey,
      token: await new SignJWT({ name: `Student ${i + 1}`, role: 'student', classroom: `room-${i % 400}` })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(`student-${i + 1}`)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(key),
    })),
  );
  const profile = values['cpu-prof'];
  const server = await startServerProcess(dataDir, await freePort(), {
    nodeArgs: profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
    // Ten thousand visitors from 127.0.0.1: flood limits per address stay on, as wide as for other machine-speed runs.
    env: MACHINE_SPEED,
    ...(values['server-dir'] ? { cwd: values['server-dir'] } : {}),
  });
  progress(`our server: ${VISITORS} verified visitors`);
  try {
    const result = await measure('ours (verified visitors, all new)', server.url, auths, server.child.pid);
    // Every visitor was really verified and stored, not just connected.
    const check = new BetterSqlite3(join(dataDir, 'support.sqlite'), { readonly: true });
    const { n } = check.prepare('select count(*) as n from end_users where verified = 1').get() as { n: number };
    check.close();
    if (n !== VISITORS) throw new Error(`expected ${VISITORS} verified end users in the store, found ${n}`);
    return result;
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const refusals = ({ refused }: Storm) => (refused.size === 0 ? '0' : [...refused].map(([reason, n]) => `${n} (${reason})`).join(', '));

async function main(): Promise<void> {
  const baseline = await bare();
  await sleep(2_000);
  const ourRun = await ours();
  const row = (r: Result) =>
    `| ${r.name} | ${(r.storm.connectMs / 1000).toFixed(2)} s | ${Math.round(VISITORS / (r.storm.connectMs / 1000))}/s | ${(r.cpu / 1000).toFixed(1)} s | ${refusals(r.storm)} | ${r.drops} | ${r.rss.toFixed(0)} MB |`;
  console.log(
    `\nConnect storm benchmark — ${VISITORS} visitors at once (${BATCH} opened per turn of the client's event loop), held ${HOLD_MS / 1000} s`,
  );
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}; load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  console.log('| server | all connected after | rate | server CPU | failed attempts (retried) | dropped while held | server RSS |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(row(baseline));
  console.log(row(ourRun));
  console.log(`\nratio to bare Socket.IO (connect time): ${(ourRun.storm.connectMs / baseline.storm.connectMs).toFixed(1)}×`);
  console.log(`ratio to bare Socket.IO (server CPU): ${(ourRun.cpu / baseline.cpu).toFixed(1)}×`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
await main();
process.exit(0);
