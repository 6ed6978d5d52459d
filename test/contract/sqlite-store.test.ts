// Runs the Store contract against the embedded SQLite store, each test on a fresh file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../server/domain/ports';
import { openSqliteStore } from '../../server/store/sqlite/index';
import { storeContract } from './store-contract';

const dirs = new Map<Store, string>();

storeContract('SQLite', {
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'cs-store-'));
    const store = openSqliteStore(join(dir, 'support.sqlite'));
    await store.migrate();
    dirs.set(store, dir);
    return store;
  },
  async dispose(store) {
    await store.close();
    rmSync(dirs.get(store) as string, { recursive: true, force: true });
    dirs.delete(store);
  },
});
