// boot: Tabnode.boot() to the first stdout byte of `node -e "console.log(1)"` (persist:false),
// timed in the page. Cold: a new browser with a fresh profile for each sample (empty HTTP cache,
// no service worker yet: the page is loaded first, untimed). Warm: the same page, teardown then
// boot again. Native: spawn() of `node -e "console.log(1)"` to its first stdout byte.

import { tabBootToFirstOutput } from '../lib/tab.js';
import { nativeNodeE } from '../lib/native.js';

export const bootCold = {
  id: 'boot-cold',
  label: 'boot, cold (fresh profile) → first output (ms)',
  unit: 'ms',
  async tabnode(ctx) {
    const cold = await ctx.coldPage();
    try {
      return await tabBootToFirstOutput(cold.page);
    } finally {
      await cold.close();
    }
  },
  async native() {
    return (await nativeNodeE()).firstOutputMs;
  },
};

export const bootWarm = {
  id: 'boot-warm',
  label: 'boot, warm (same page) → first output (ms)',
  unit: 'ms',
  async tabnode(ctx) {
    return tabBootToFirstOutput(ctx.page);
  },
  async native() {
    return (await nativeNodeE()).firstOutputMs;
  },
};
