import { defineConfig } from '@playwright/test';

// End-to-end tests run against the BUILT app (`vite preview`), in the machine's Chromium: tests
// never download a browser. CHROMIUM_PATH overrides /usr/bin/chromium. TABNODE_DIST (a build's
// folder) and TABNODE_E2E_PORT let several builds be tested side by side on one machine.
const port = Number(process.env.TABNODE_E2E_PORT ?? 4173);
const outDir = process.env.TABNODE_DIST ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Nothing in a test may leave the machine: any other host fails fast.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${outDir}`,
    url: `http://127.0.0.1:${port}/runner.html`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
