// `npm run cluster`: N local nodes (default 2; `-- --nodes 3`) behind the local load balancer on $PORT (3000),
// to try several nodes by hand: open the console and the example page at the balancer, `kill -9` a node's pid
// and watch its clients move. Needs DATABASE_URL (PostgreSQL) and REDIS_URL; `--sqlite` runs the nodes on one
// shared SQLite file instead (live events then reach only clients on the same node).
import { spawn, type ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import { startBalancer } from './balancer';

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '2' },
    'first-node-port': { type: 'string', default: '3001' },
    sqlite: { type: 'boolean', default: false },
  },
});
const count = Number(values.nodes);
const firstPort = Number(values['first-node-port']);
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(count) || count < 1 || count > 16) throw new Error(`--nodes must be 1 to 16, got ${values.nodes}`);

if (!values.sqlite && (!process.env.DATABASE_URL || !process.env.REDIS_URL)) {
  console.error(`npm run cluster needs a shared database and a shared realtime layer:

  DATABASE_URL=postgres://postgres@127.0.0.1:5432/support REDIS_URL=redis://127.0.0.1:6379/0 npm run cluster

(create the database first: createdb -h 127.0.0.1 -U postgres support). To try it without them, run the nodes
on one shared SQLite file: npm run cluster -- --sqlite (chats then update live only between people on the
same node).`);
  process.exit(2);
}

const publicUrl = `http://localhost:${port}`;
const names = Array.from({ length: count }, (_, i) => `node-${i + 1}`);
const children: ChildProcess[] = [];

function startNode(i: number): Promise<void> {
  const name = names[i]!;
  const child = spawn(process.execPath, ['--max-semi-space-size=64', '--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(firstPort + i),
      HOST: '127.0.0.1',
      SUPPORT_NODE_NAME: name,
      SUPPORT_PUBLIC_URL: process.env.SUPPORT_PUBLIC_URL ?? publicUrl,
      SUPPORT_TRUST_PROXY: '1',
      // Longer than the balancer's health-check interval, so it stops sending new clients before the node leaves.
      SUPPORT_DRAIN_DELAY_MS: process.env.SUPPORT_DRAIN_DELAY_MS ?? '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const prefix = (chunk: Buffer) => process.stdout.write(chunk.toString().replace(/^(?=.)/gm, `[${name} pid ${child.pid}] `));
  child.stdout?.on('data', prefix);
  child.stderr?.on('data', prefix);
  child.once('exit', (code, signal) => console.log(`[${name}] exited (${signal ?? code})`));
  return ready(name, firstPort + i, child);
}

async function ready(name: string, nodePort: number, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} stopped before it was ready`);
    if (
      await fetch(`http://127.0.0.1:${nodePort}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// The first node migrates and seeds an empty database (and prints the first admin's password); then the rest.
await startNode(0);
await Promise.all(names.slice(1).map((_, i) => startNode(i + 1)));
const balancer = await startBalancer({ nodes: names.map((name, i) => ({ name, port: firstPort + i })), port, host: process.env.HOST ?? '127.0.0.1' });
console.log(`
${count} nodes (${names.map((name, i) => `${name} on :${firstPort + i}`).join(', ')}) behind ${balancer.url}
  console:  ${publicUrl}/console/
  example:  ${publicUrl}/examples/classroom/?user=s1&name=Ada&role=student&room=physics-101
Kill a node (kill -9 <pid>) to see its clients move to another; Ctrl-C stops everything (SIGTERM drains each node).
`);

// Never leave nodes behind, even when this script dies of an error.
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map((child) => {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      child.kill('SIGTERM');
      return new Promise((resolve) => child.once('exit', resolve));
    }),
  );
  await balancer.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
