// Representative integration suites run a second time on PostgreSQL in every `npm test` (messaging, routing and
// ticket numbering through a real server); TEST_STORE=postgres runs all of them on it.
import { afterAll, vi } from 'vitest';

vi.stubEnv('TEST_STORE', 'postgres');
afterAll(() => {
  vi.unstubAllEnvs();
});

await import('./chat-round-trip.test');
await import('./tickets-api.test');
