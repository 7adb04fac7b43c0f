import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the CPUs: on a 2-core CI machine, one test file at
    // a time, while most files wait on child processes, moto or DuckDB threads (about 1.2 cores
    // busy on average; 14.5 min). Two files at once fill both cores (11.5 min with more tests).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Names the run's temporary folders and fails the run if any is left behind.
    globalSetup: ['tests/support/global-setup.ts'],
  },
});
