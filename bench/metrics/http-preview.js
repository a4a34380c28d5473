// http through the preview: the benchmark page fetches a hello-world server 1,000 times, 8 in
// flight. tabnode: the server runs in a tabnode process and every request goes page → service
// worker → host page → kernel → process and back. native: the same script in the machine's node,
// fetched by the same page over loopback. Both are timed in the page, so both pay the browser's
// own fetch cost; the ratio is what the preview routing adds. Rows: total time, p50/p99, req/s.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { tabBoot, tabWriteFiles } from '../lib/tab.js';
import { TAB_HOME } from '../lib/script-metric.js';

const REQUESTS = 1000;
const IN_FLIGHT = 8;
const TAB_PORT = 3000;

/** In the page: REQUESTS fetches of `url`, IN_FLIGHT at a time; times in ms. */
function fetchLoad(page, url) {
  return page.evaluate(
    async ({ url, requests, inFlight }) => {
      const latencies = [];
      let next = 0;
      const worker = async () => {
        while (next < requests) {
          next += 1;
          const start = performance.now();
          const response = await fetch(url, { cache: 'no-store' });
          const text = await response.text();
          if (text !== 'hello world') throw new Error(`bench: unexpected answer ${response.status} ${text.slice(0, 80)}`);
          latencies.push(performance.now() - start);
        }
      };
      const start = performance.now();
      await Promise.all(Array.from({ length: inFlight }, worker));
      const ms = performance.now() - start;
      latencies.sort((a, b) => a - b);
      const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
      return { value: ms, p50: at(0.5), p99: at(0.99), rps: (requests / ms) * 1000 };
    },
    { url, requests: REQUESTS, inFlight: IN_FLIGHT },
  );
}

let native;
let nativeUrl;
let tabUrl;

export default {
  id: 'http-preview',
  label: `http via the preview: ${REQUESTS.toLocaleString('en')} page fetches, ${IN_FLIGHT} in flight, hello-world server (ms)`,
  unit: 'ms',
  derived: [
    { id: 'http-preview-p50', label: 'http via the preview: p50 latency per request (ms)', key: 'p50' },
    { id: 'http-preview-p99', label: 'http via the preview: p99 latency per request (ms)', key: 'p99' },
    { id: 'http-preview-rps', label: 'http via the preview: requests per second (higher is better)', key: 'rps' },
  ],
  async setup(ctx) {
    await tabBoot(ctx.page);
    const script = `${TAB_HOME}/bench/hello-server.js`;
    await tabWriteFiles(ctx.page, { [script]: ctx.scriptSource('hello-server.js') });
    tabUrl = await ctx.page.evaluate(
      async ({ script, port }) => {
        const rt = window.__bench.rt;
        const ready = new Promise((resolve) => rt.on('server-ready', (p, url) => p === port && resolve(url)));
        window.__bench.server = await rt.spawn('node', [script, String(port)], { output: false });
        return ready;
      },
      { script, port: TAB_PORT },
    );
    native = spawn(process.execPath, [ctx.nativeScript('hello-server.js'), '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = await once(native.stdout, 'data');
    nativeUrl = `http://127.0.0.1:${JSON.parse(String(line)).port}/`;
  },
  tabnode: (ctx) => fetchLoad(ctx.page, tabUrl),
  native: (ctx) => fetchLoad(ctx.page, nativeUrl),
  async teardown(ctx) {
    native?.kill();
    await ctx.page.evaluate(() => window.__bench.server?.kill('SIGTERM'));
  },
};
