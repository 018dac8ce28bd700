import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // check, screen and batch now screen against a store (issue 11): tests that name no --db get a
    // store of their own for the run, never a developer's data/runtime store.
    env: { REDLINE_DB: process.env.REDLINE_DB ?? join(tmpdir(), `redline-test-${process.pid}.sqlite`) },
  },
});
