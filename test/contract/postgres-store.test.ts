// Runs the Store contract against the PostgreSQL store, on a database of its own created and dropped per run.
import { afterAll, beforeAll } from 'vitest';
import { openPostgresStore } from '../../server/store/postgres/index';
import { createTestDatabase, emptyDatabase, type TestDatabase } from '../support/postgres';
import { storeContract } from './store-contract';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

storeContract('PostgreSQL', {
  async open() {
    const store = openPostgresStore(database.url, { max: 4 });
    // The first test migrates the new database; later ones find nothing to do and start from empty tables.
    await store.migrate();
    await emptyDatabase(database.url);
    return store;
  },
  dispose: (store) => store.close(),
});
