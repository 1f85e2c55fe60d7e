import { defineConfig } from 'vitest/config';

// End-to-end suites: real Chromium and Firefox ESR with the built extension, against the demo CRM pages.
// One browser at a time: files run one after another in a single worker, with long timeouts.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // A browser test that fails once is worth reading, not retrying into green.
    retry: 0,
  },
});
