// Test runner: unit tests beside the code, suites that span modules under test/.
import { defineConfig } from 'vitest/config';

/**
 * Suites that start servers share one module graph per worker (`isolate: false`): re-importing the server,
 * Kysely, Socket.IO and Playwright for every file cost more CPU than the tests themselves on 2 cores. They
 * keep no module-level state between files (each starts its own server, store and browser). Client code and
 * unit tests stub globals (navigator, localStorage) and hold module-level stores, so they stay isolated.
 */
const SHARED_GRAPH = ['server/**/*.test.ts', 'test/{integration,contract,fault,security,e2e}/**/*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    // Polls wait on real browsers and processes; on a loaded 2-core CI machine one second is too short.
    expect: { poll: { timeout: 10_000 } },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Browser and server suites start real processes; keep them from starving each other on 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'servers', include: SHARED_GRAPH, exclude: ['server/console/**'], isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'isolated',
          include: ['shared/**/*.test.ts', 'server/console/**/*.test.ts', 'widget/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/{integration,contract,fault,security,e2e}/**'],
        },
      },
    ],
  },
});
