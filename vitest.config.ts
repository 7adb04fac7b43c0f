import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Names the run's temporary folders and fails the run if any is left behind.
    globalSetup: ['tests/support/global-setup.ts'],
  },
});
