import { defineConfig } from 'vitest/config';

// Browser + PBX tests: one file at a time (each starts its own PBX and browsers) on a 2-core machine.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    reporters: ['default', ['json', { outputFile: 'test-results/e2e.json' }]],
    fileParallelism: false,
    testTimeout: 60_000,
    // Real browsers and a real PBX on a loaded 2-core machine: a test that fails is run once more
    // (vitest's report marks it); one that fails twice fails the run.
    retry: 1,
    hookTimeout: 60_000,
  },
});
