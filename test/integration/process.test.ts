// The server as operators run it: a child process that prints its first admin once and stops cleanly on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'cs-proc-'));
const children = new Set<ChildProcess>();

interface Started {
  child: ChildProcess;
  url: string;
  stdout: () => string;
}

function startProcess(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SUPPORT_DATA_DIR: dataDir, SUPPORT_EXAMPLES: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)"/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], stdout: () => out });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
}

/** Resolves with the exit code, or with the signal's name if the process died of one. */
const exitCode = (child: ChildProcess): Promise<number | string | null> =>
  new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the server process', () => {
  it('prints a generated admin password once, serves /healthz, and exits 0 on SIGTERM', async () => {
    const first = await startProcess({});
    expect(first.stdout()).toMatch(/First admin created: admin@localhost \/ \S{12,}/);
    const health = await fetch(`${first.url}/healthz`);
    expect(health.status).toBe(200);
    // Structured logs: every log line is JSON.
    const logLines = first
      .stdout()
      .split('\n')
      .filter((l) => l.startsWith('{'));
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) expect(JSON.parse(line)).toHaveProperty('level');

    const exited = exitCode(first.child);
    first.child.kill('SIGTERM');
    expect(await exited).toBe(0);

    // Same database: the admin exists, nothing is printed again.
    const second = await startProcess({});
    expect(second.stdout()).not.toMatch(/First admin created/);
    const secondExit = exitCode(second.child);
    second.child.kill('SIGTERM');
    expect(await secondExit).toBe(0);
  });
});
