import { defineConfig } from 'vitest/config';

// Unit tests run on Node with the real node:* modules as the oracle. Polyfills under test are
// imported by path; the bare-name aliases of vite.config.ts are deliberately not applied here
// except where a bundled npm package needs them.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'workers/**/*.test.ts', 'polyfills/**/*.test.ts', 'bin/**/*.test.ts', 'compat/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
