import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;

/**
 * Cross-origin isolation: SharedArrayBuffer and Atomics.wait (the sync syscall channel) need it.
 * The service worker adds the same headers to what it serves, for hosts that cannot set them.
 */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** In dev, serve the service worker's module at /sw.js, where the built one lives. */
function serviceWorkerInDev(): Plugin {
  return {
    name: 'tabnode:service-worker-dev',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url === '/sw.js') req.url = '/workers/service-worker.ts';
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [serviceWorkerInDev()],
  // `process.env` inside the runtime is the process's own environment: Vite must not replace it
  // with `{}` (its default for browser builds).
  environments: { client: { keepProcessEnv: true } },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  resolve: {
    // Bare node built-in names used by npm packages we bundle (readable-stream and friends)
    // resolve to our polyfills, never to the host's modules.
    alias: [
      { find: /^events$/, replacement: resolve(root, 'polyfills/events.ts') },
      { find: /^buffer$/, replacement: resolve(root, 'polyfills/buffer.ts') },
      { find: /^string_decoder\/?$/, replacement: resolve(root, 'polyfills/string_decoder.ts') },
      // readable-stream's nextTick and stdout checks must reach our process at call time, and
      // process.ts imports stream.ts: a forwarder to globalThis.process breaks that cycle.
      { find: /^process\/?$/, replacement: resolve(root, 'polyfills/internal/streams/process-shim.ts') },
      { find: /^abort-controller$/, replacement: resolve(root, 'polyfills/internal/streams/abort-controller.ts') },
      { find: /^util\/?$/, replacement: resolve(root, 'polyfills/util.ts') },
      { find: /^stream$/, replacement: resolve(root, 'polyfills/stream.ts') },
    ],
  },
  // CommonJS dependencies the workers import, pre-bundled up front so the dev server does not
  // discover them mid-boot and reload the page.
  optimizeDeps: {
    include: ['@zenfs/core', 'acorn', 'readable-stream', 'readable-stream/lib/internal/streams/utils.js', 'minimatch', 'comlink'],
  },
  worker: {
    format: 'es',
    // Workers hold the runtime: keep names there too (see build.rolldownOptions below).
    rolldownOptions: { output: { keepNames: true } },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      input: {
        main: resolve(root, 'index.html'),
        runner: resolve(root, 'runner.html'),
        sw: resolve(root, 'workers/service-worker.ts'),
      },
      output: {
        // A Node runtime prints constructor and function names (util.inspect, stack traces):
        // minification must not rename them.
        keepNames: true,
        // The service worker must live at a fixed URL at the root to control the whole origin.
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
