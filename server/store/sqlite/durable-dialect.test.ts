import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, type Generated } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DurableSqliteDialect, durableDatabase } from './durable-dialect';
import { WalSync, walFileSync } from './wal-sync';

interface Tables {
  notes: { id: Generated<number>; text: string };
}

/** An fsync that waits until the test lets it finish, and counts how often it ran. */
function gatedDisk() {
  let open: () => void = () => {};
  let gate = new Promise<void>((resolve) => (open = resolve));
  let gated = true;
  const disk = {
    fsyncs: 0,
    fail: false,
    async sync() {
      disk.fsyncs += 1;
      if (gated) await gate;
      if (disk.fail) throw new Error('EIO');
    },
    release() {
      open();
      gate = new Promise<void>((resolve) => (open = resolve));
    },
    /** From now on every fsync finishes at once (tear-down). */
    ungate() {
      gated = false;
      open();
    },
  };
  return disk;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('the durable SQLite dialect', () => {
  let dir: string;
  let db: Kysely<Tables>;
  let disk: ReturnType<typeof gatedDisk>;
  let sqlite: BetterSqlite3.Database;
  let sync: WalSync;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cs-durable-'));
    sqlite = new BetterSqlite3(join(dir, 'test.sqlite'));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.exec('create table notes (id integer primary key, text text not null)');
    disk = gatedDisk();
    sync = new WalSync(() => disk.sync());
    db = new Kysely<Tables>({ dialect: new DurableSqliteDialect({ database: durableDatabase(sqlite, sync) }, sync) });
  });
  afterEach(async () => {
    disk.ungate();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (text: string) => db.insertInto('notes').values({ text }).execute();

  it('answers a write only once its commit is on disk', async () => {
    let done = false;
    const write = insert('hello').then(() => (done = true));
    await settle();
    expect(done).toBe(false);
    expect(disk.fsyncs).toBe(1);
    disk.release();
    await write;
    expect(done).toBe(true);
  });

  it('lets commits made during one fsync share the next one', async () => {
    const first = insert('first');
    await settle();
    const more = Array.from({ length: 20 }, (_, i) => insert(`more ${i}`));
    await settle();
    disk.release();
    await first;
    await settle();
    disk.release();
    await Promise.all(more);
    expect(disk.fsyncs).toBe(2);
    expect(await db.selectFrom('notes').select('id').execute()).toHaveLength(21);
  });

  it('lets reads go on while a write waits for the disk', async () => {
    const write = insert('waiting for the disk');
    await settle();
    expect(await db.selectFrom('notes').select('text').execute()).toEqual([{ text: 'waiting for the disk' }]);
    disk.release();
    await write;
  });

  it('tells anyone who asks when everything committed so far is on disk', async () => {
    const write = insert('one');
    await settle();
    let durable = false;
    const barrier = sync.flush().then(() => (durable = true));
    await settle();
    expect(durable).toBe(false);
    disk.release();
    await Promise.all([write, barrier]);
    expect(durable).toBe(true);
  });

  it('costs one fsync for a transaction that wrote, and none for reads or a transaction that only read', async () => {
    await db.selectFrom('notes').selectAll().execute();
    await db.transaction().execute((trx) => trx.selectFrom('notes').selectAll().execute());
    expect(disk.fsyncs).toBe(0);
    const transaction = db.transaction().execute(async (trx) => {
      await trx.insertInto('notes').values({ text: 'a' }).execute();
      await trx.insertInto('notes').values({ text: 'b' }).execute();
    });
    await settle();
    disk.release();
    await transaction;
    expect(disk.fsyncs).toBe(1);
  });

  it('fails the write when the disk refuses the fsync, and later writes still go through', async () => {
    disk.fail = true;
    const failing = insert('lost on a broken disk');
    await settle();
    disk.release();
    await expect(failing).rejects.toThrow('EIO');
    disk.fail = false;
    const next = insert('after');
    await settle();
    disk.release();
    await next;
  });
});

describe('walFileSync', () => {
  it('fsyncs the WAL of a real database file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-wal-'));
    const file = join(dir, 'real.sqlite');
    const sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.exec('create table t (x)');
    const wal = walFileSync(file);
    await wal.sync();
    await wal.sync();
    await wal.close();
    sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
