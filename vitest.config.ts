import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['./src/server/testing/global-setup.ts'],
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    // A worker runs file after file in one process, keeping the modules it imported: importing the
    // server (every module) again for each of ~80 files was most of the run on two cores. Each file
    // still works in a database of its own (startTestServer), and no test mocks modules or changes
    // process.env, the two things a shared module cache would carry from one file into the next.
    isolate: false,
  },
});
