// memory: `count` idle processes (bench/scripts/idle.js: one setInterval; it prints `ready` once
// so that we know it runs), measured 1 s after the last one said `ready`.
// tabnode: a new browser (fresh profile) per metric, so that earlier metrics leave nothing behind;
// the number is the VmRSS of the tab's renderer process, found in /proc as the renderer that hosts
// dedicated workers (the page, the kernel worker and every process worker live in it; Chromium's
// browser, GPU, network and spare renderer processes are not counted). The same runtime with no
// process running is recorded as `baseline`, and Pss beside Rss, in results.json.
// native: the VmRSS sum of the `count` node processes (Pss in results.json).

import { tabBoot, tabKillIdle, tabStartIdle, tabTeardown, tabWriteFiles } from '../lib/tab.js';
import { nativeKillAll, nativeStartIdle } from '../lib/native.js';
import { sumMemory, tabRendererPids, threadCount } from '../lib/proc.js';
import { TAB_HOME } from '../lib/script-metric.js';

const SETTLE_MS = 1000;
const MB = 1024 * 1024;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function tabMemory(profile) {
  const pids = tabRendererPids(profile);
  if (pids.length === 0) throw new Error('memory: no renderer with dedicated workers found');
  const { rss, pss } = sumMemory(pids);
  const workerThreads = pids.reduce((sum, pid) => sum + threadCount(pid, 'DedicatedWorker'), 0);
  return { rssMB: rss / MB, pssMB: pss / MB, renderers: pids.length, workerThreads };
}

export function memoryMetric(count) {
  const script = `${TAB_HOME}/bench/idle.js`;
  let browser;
  return {
    id: `memory-${count}`,
    label: `memory, ${count} idle process${count === 1 ? '' : 'es'} (MB RSS)`,
    unit: 'MB',
    // RSS counts the pages that the native processes share (the node binary) once per process;
    // Pss divides them among the sharers, so both are shown.
    derived: [{ id: `memory-${count}-pss`, label: `memory, ${count} idle process${count === 1 ? '' : 'es'} (MB PSS)`, key: 'pssMB' }],
    async setup(ctx) {
      browser = await ctx.coldPage();
      await tabBoot(browser.page);
      await tabWriteFiles(browser.page, { [script]: ctx.scriptSource('idle.js') });
    },
    async tabnode() {
      await sleep(SETTLE_MS);
      const baseline = tabMemory(browser.profile);
      await tabStartIdle(browser.page, script, count);
      await sleep(SETTLE_MS);
      const loaded = tabMemory(browser.profile);
      await tabKillIdle(browser.page);
      return { value: loaded.rssMB, ...loaded, baseline };
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
    async teardown() {
      if (browser === undefined) return;
      await tabTeardown(browser.page).catch(() => {});
      await browser.close();
      browser = undefined;
    },
  };
}
