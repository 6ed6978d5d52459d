// SQLite checkpoints off the main thread. In WAL mode SQLite copies the log back into the database file now and
// then (a checkpoint) and, even with synchronous=NORMAL, fsyncs both files while doing it. Left to itself it does
// so inside whichever commit crosses the threshold — on the main thread, where a slow disk stalls every socket
// for the length of two fsyncs. So the server's connection never checkpoints (wal_autocheckpoint=0) and a worker
// thread with its own connection runs PASSIVE checkpoints (they never block writers or readers) once a second.
// The thread starts when the log first reaches the size at which SQLite would have checkpointed by itself (about
// 4 MB): a small database (a test, a quiet school) never pays for it, and its log is checkpointed when the store
// closes, as SQLite always does.
// The worker is plain JavaScript evaluated from a string: it must run under `tsx`, vitest and a build alike.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export const CHECKPOINT_EVERY_MS = 1_000;
/** The log's size at which the worker starts: SQLite's own auto-checkpoint threshold, 1,000 pages of 4 KB. */
export const START_AT_WAL_BYTES = 4_096_000;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage({ error: String(error && error.message || error) }); }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage({ stopped: true });
});
`;

export interface Checkpointer {
  /** Runs a last checkpoint and ends the worker. */
  stop(): Promise<void>;
}

/** Starts checkpointing `file` from a worker thread; `onError` hears failed checkpoints (the next one retries). */
export function startCheckpointer(file: string, onError: (message: string) => void = () => {}, everyMs = CHECKPOINT_EVERY_MS): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, everyMs } });
  // The worker must not keep a finished process alive; stop() ends it properly when the store closes.
  worker.unref();
  const stopped = new Promise<void>((resolve) => {
    worker.on('message', (message: { error?: string; stopped?: boolean }) => {
      if (message.error) onError(message.error);
      if (message.stopped) resolve();
    });
    worker.on('error', (error) => {
      onError(error.message);
      resolve();
    });
    worker.on('exit', () => resolve());
  });
  return {
    async stop() {
      worker.postMessage('stop');
      await stopped;
      await worker.terminate();
    },
  };
}

/** A checkpointer started the first time the log is seen past `startAtBytes`; `walSize` is fed by the WAL's fsyncs. */
export function checkpointWhenLarge(file: string, onError: (message: string) => void, startAtBytes = START_AT_WAL_BYTES) {
  let running: Checkpointer | null = null;
  return {
    walSize(bytes: number): void {
      if (!running && bytes >= startAtBytes) running = startCheckpointer(file, onError);
    },
    async stop(): Promise<void> {
      await running?.stop();
      running = null;
    },
  };
}
