// A node's start-up migration on its own: `tsx migrate-postgres.ts <url>`; several run at once in the contract test.
import { openPostgresStore } from '../../../server/store/postgres/index';

const url = process.argv[2];
if (!url) throw new Error('usage: migrate-postgres.ts <postgres url>');
const store = openPostgresStore(url, { max: 2 });
try {
  await store.migrate();
  process.stdout.write('migrated\n');
} finally {
  await store.close();
}
