// The checkpointer copies the WAL into the database file from its worker thread, while the server's own
// connection never checkpoints.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from './checkpointer';
import { openSqliteStore } from './index';

const dirs: string[] = [];
const freshFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cs-checkpoint-'));
  dirs.push(dir);
  return join(dir, 'support.db');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('SQLite checkpoints in a worker thread', () => {
  it('moves what the main connection wrote from the WAL into the database file', async () => {
    const file = freshFile();
    const db = new BetterSqlite3(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)');
    const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2_000; i++) insert.run('x'.repeat(500));
    })();
    // Nothing checkpointed yet: the rows live in the WAL only.
    expect(statSync(file).size).toBeLessThan(100_000);
    const errors: string[] = [];
    const checkpointer = startCheckpointer(file, (message) => errors.push(message), 20);
    await expect.poll(() => statSync(file).size, { timeout: 5_000 }).toBeGreaterThan(1_000_000);
    await checkpointer.stop();
    expect(errors).toEqual([]);
    expect((db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n).toBe(2_000);
    db.close();
  });

  it('starts beside the store once its log has grown, and the rows reach the database file while it is open', async () => {
    const file = freshFile();
    const store = openSqliteStore(file);
    await store.migrate();
    const sizeAfterMigrations = statSync(file).size;
    // Enough writes to pass the threshold; SQLite's own auto-checkpoint is off on the store's connection, so only
    // the worker copies them into the file before the store closes.
    for (let i = 0; i < 120; i++) {
      await store.seedArticle({
        id: `article-${i}`,
        slug: `article-${i}`,
        locale: 'en',
        title: `Article ${i}`,
        summary: '',
        tags: [],
        body: 'x'.repeat(40_000),
        status: 'published',
        authorId: null,
        createdAt: 0,
        updatedAt: 0,
        publishedAt: 0,
      });
    }
    await expect.poll(() => statSync(file).size, { timeout: 5_000 }).toBeGreaterThan(sizeAfterMigrations + 4_000_000);
    await store.close();
  });
});
