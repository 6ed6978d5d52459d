// npm run bench:monitoring — N verified users in C classrooms on one node (SQLite), each socket sending the
// report its widget would (one folded report per 5 s, the most a widget sends, as while a class is bad), then
// one classroom turns bad. Prints the server's CPU, event-loop lag p99, store writes/s, and the time from the
// classroom turning bad to the console's alert (the rule waits 20 s by default). Not part of npm test.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { io } from 'socket.io-client';
import { AGENT_NAMESPACE } from '../../shared/protocol';
import type { QualityReport } from '../../shared/quality';
import { hashPassword } from '../../server/domain/identity/passwords';
import { openSqliteStore } from '../../server/store/sqlite/index';
import { anAgent, anOrganisation } from '../support/records';
import { freePort, MACHINE_SPEED, signIn, startServerProcess } from '../support/server-process';
import { TEST_ORIGIN } from '../support/server';
import { connectStorm } from './connect/storm';
import { cpuMs } from './proc-stats';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '10000' },
    classrooms: { type: 'string', default: '300' },
    steady: { type: 'string', default: '60' },
    // A directory for the server's `--cpu-prof` profile (read it with Chrome DevTools or speedscope).
    profile: { type: 'string' },
    // Ask for an ack with each report, as a third-party client may (the widget does not).
    acked: { type: 'boolean', default: false },
    // Another checkout's server (e.g. main's), for a before/after measured the same minutes.
    server: { type: 'string' },
  },
});
const USERS = Number(values.users);
const CLASSROOMS = Number(values.classrooms);
const STEADY_MS = Number(values.steady) * 1000;
const REPORT_EVERY_MS = 5_000;
const progress = (what: string) => process.stderr.write(`… ${what}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const GOOD: QualityReport = {
  samples: 5,
  periodMs: 5_000,
  rttMs: 80,
  packetLossPct: 0.3,
  jitterMs: 9,
  freezes: 0,
  audioLevelLow: false,
  sdkNetworkQuality: 1,
};
const BAD: QualityReport = { ...GOOD, rttMs: 820, packetLossPct: 9, jitterMs: 130, sdkNetworkQuality: 5 };

/** The server's metrics; tried again when a connection times out on a machine other work is loading. */
async function scrape(url: string, tries = 3): Promise<string> {
  try {
    return await (await fetch(`${url}/metrics`)).text();
  } catch (error) {
    if (tries <= 1) throw error;
    return scrape(url, tries - 1);
  }
}
function metric(text: string, pattern: RegExp): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = pattern.exec(line);
    if (match) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}
const TAKEN = /^support_socket_acks_total\{[^}]*event="quality:report",result="ok"/;
const REFUSED = /^support_socket_acks_total\{[^}]*event="quality:report",result="(?!ok")/;
const WRITES = /^support_store_duration_seconds_count\{[^}]*method="(add|set|create|append|update|delete|purge|claim|mark|start)/;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-monitoring-'));
  const secret = 'bench-identity-secret-'.padEnd(48, 'x');
  const seed = openSqliteStore(join(dataDir, 'support.sqlite'));
  await seed.migrate();
  const org = await seed.createOrganisation(anOrganisation({ allowedOrigins: [TEST_ORIGIN], identityRequired: true, identitySecret: secret }));
  await seed.createAgent(anAgent({ email: 'bench@example.com', passwordHash: await hashPassword('bench-password'), presence: 'offline' }));
  await seed.close();
  progress(`signing ${USERS} identity tokens`);
  const key = new TextEncoder().encode(secret);
  const auths = await Promise.all(
    Array.from({ length: USERS }, async (_, i) => ({
      appKey: org.appKey,
      token: await new SignJWT({ name: `Student ${i + 1}`, role: 'student', classroom: `room-${i % CLASSROOMS}` })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(`student-${i + 1}`)
        .setIssuedAt()
        // The server refuses identity tokens valid for more than 10 minutes; the run is over well before that.
        .setExpirationTime('9m')
        .sign(key),
    })),
  );
  const server = await startServerProcess(dataDir, await freePort(), {
    env: MACHINE_SPEED,
    ...(values.server ? { cwd: values.server } : {}),
    ...(values.profile ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] } : {}),
  });
  const pid = server.child.pid;
  try {
    const agent = io(`${server.url}${AGENT_NAMESPACE}`, {
      extraHeaders: { cookie: await signIn(server.url, 'bench@example.com', 'bench-password'), origin: server.url },
      transports: ['websocket'],
      forceNew: true,
    });
    await new Promise((resolve) => agent.once('session', resolve));
    await agent.timeout(10_000).emitWithAck('presence:set', { available: true });
    let alertAt = 0;
    agent.on('quality:alert', (alert: { classroomId: string }) => {
      if (alert.classroomId === 'room-0' && !alertAt) alertAt = Date.now();
    });

    progress(`connecting ${USERS} users`);
    const storm = await connectStorm(server.url, auths);
    progress(`connected in ${(storm.connectMs / 1000).toFixed(1)} s; reporting`);
    let badFrom = Infinity;
    // Each user reports every 5 s, spread evenly over the 5 s, without an ack as the widget does; the server's
    // answers counter says how many it took and refused.
    const timers = storm.sockets.map((socket, i) =>
      setTimeout(
        () => {
          const send = () => {
            const bad = i % CLASSROOMS === 0 && Date.now() >= badFrom;
            if (values.acked) socket.emit('quality:report', bad ? BAD : GOOD, () => {});
            else socket.emit('quality:report', bad ? BAD : GOOD);
          };
          send();
          timers[i] = setInterval(send, REPORT_EVERY_MS);
        },
        (i * REPORT_EVERY_MS) / USERS,
      ),
    );
    await sleep(10_000);

    // The metrics are read outside the measured CPU: 10,000 sockets make a scrape cost the server ~0.1 s.
    const before = await scrape(server.url);
    const cpuBefore = cpuMs(pid);
    const began = Date.now();
    await sleep(STEADY_MS);
    const wall = Date.now() - began;
    const cpu = cpuMs(pid) - cpuBefore;
    const after = await scrape(server.url);
    const writes = metric(after, WRITES) - metric(before, WRITES);
    const refused = metric(after, REFUSED) - metric(before, REFUSED);
    const reports = metric(after, TAKEN) - metric(before, TAKEN);
    const lagP99 = metric(after, /^nodejs_eventloop_lag_p99_seconds/);
    const reportsPerSecond = (reports / wall) * 1000;

    progress('room-0 turns bad');
    badFrom = Date.now();
    while (!alertAt && Date.now() - badFrom < 120_000) await sleep(200);
    const toAlert = alertAt ? (alertAt - badFrom) / 1000 : NaN;

    for (const t of timers) clearInterval(t as NodeJS.Timeout);
    storm.close();
    agent.close();
    console.log(
      `\nMonitoring benchmark — ${USERS} users in ${CLASSROOMS} classrooms, one node (SQLite), one report per user per 5 s${values.acked ? ', each acked' : ''}${values.server ? ` (server: ${values.server})` : ''}`,
    );
    console.log(
      `machine: ${cpus().length} cores, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')}`,
    );
    console.log('| figure | value |\n| --- | --- |');
    console.log(`| reports taken per second | ${reportsPerSecond.toFixed(0)} (refused: ${refused}) |`);
    console.log(`| server CPU over ${(wall / 1000).toFixed(0)} s | ${((cpu / wall) * 100).toFixed(1)} % of one core |`);
    console.log(`| server CPU per report | ${((cpu * 1000) / reports).toFixed(1)} µs |`);
    console.log(`| event-loop lag p99 (prom-client, at the end of the steady phase) | ${(lagP99 * 1000).toFixed(1)} ms |`);
    console.log(`| store writes per second | ${((writes / wall) * 1000).toFixed(2)} |`);
    console.log(
      `| classroom bad → console alert | ${toAlert.toFixed(1)} s (the rule waits 20 s of bad reports: ${(toAlert - 20).toFixed(1)} s after its window closed) |`,
    );
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
