// Runs compat's own unit tests (`npx vitest run -c compat/vitest.config.ts`) until the root
// vitest.config.ts includes compat/**/*.test.ts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { root: new URL('..', import.meta.url).pathname, include: ['compat/**/*.test.ts'], environment: 'node' },
});
