// Test runner: unit tests beside the code, suites that span modules under test/.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'widget/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Polls wait on real browsers and processes; on a loaded 2-core CI machine one second is too short.
    expect: { poll: { timeout: 10_000 } },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Browser and server suites start real processes; keep them from starving each other on 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
