// memory: `count` idle processes (bench/scripts/idle.js: one setInterval, prints `ready` once),
// measured 1 s after the last one said `ready`.
// tabnode: the VmRSS sum of the tab's Chromium renderer processes (the page, the kernel worker and
// every process worker live there; the browser and GPU processes are not counted), from /proc.
// The same runtime with no process running is recorded as `baseline` in results.json.
// native: the VmRSS sum of the `count` node processes, from /proc.

import { tabBoot, tabKillIdle, tabStartIdle, tabWriteFiles } from '../lib/tab.js';
import { nativeKillAll, nativeStartIdle } from '../lib/native.js';
import { rendererPids, sumMemory } from '../lib/proc.js';
import { TAB_HOME } from '../lib/script-metric.js';

const SETTLE_MS = 1000;
const MB = 1024 * 1024;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function tabMemory() {
  const pids = rendererPids();
  if (pids.length === 0) throw new Error('memory: no Chromium renderer process found under this process');
  const { rss, pss } = sumMemory(pids);
  return { rss, pss, renderers: pids.length };
}

export function memoryMetric(count) {
  const script = `${TAB_HOME}/bench/idle.js`;
  return {
    id: `memory-${count}`,
    label: `memory, ${count} idle process${count === 1 ? '' : 'es'} (MB RSS)`,
    unit: 'MB',
    async setup(ctx) {
      await tabBoot(ctx.page);
      await tabWriteFiles(ctx.page, { [script]: ctx.scriptSource('idle.js') });
    },
    async tabnode(ctx) {
      await sleep(SETTLE_MS);
      const baseline = tabMemory();
      await tabStartIdle(ctx.page, script, count);
      await sleep(SETTLE_MS);
      const loaded = tabMemory();
      await tabKillIdle(ctx.page);
      return {
        value: loaded.rss / MB,
        rssMB: loaded.rss / MB,
        pssMB: loaded.pss / MB,
        renderers: loaded.renderers,
        baselineRssMB: baseline.rss / MB,
        baselinePssMB: baseline.pss / MB,
      };
    },
    async native(ctx) {
      const children = await nativeStartIdle(ctx.nativeScript('idle.js'), count);
      try {
        await sleep(SETTLE_MS);
        const { rss, pss } = sumMemory(children.map((child) => child.pid));
        return { value: rss / MB, rssMB: rss / MB, pssMB: pss / MB };
      } finally {
        await nativeKillAll(children);
      }
    },
  };
}
