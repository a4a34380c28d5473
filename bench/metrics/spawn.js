// spawn: in a booted runtime, spawn('node', ['-e', 'console.log(1)']) until `exit` resolves,
// timed in the page. Native: spawn() of the same command until its 'exit' event.

import { tabBoot, tabSpawnToExit } from '../lib/tab.js';
import { nativeNodeE } from '../lib/native.js';

export default {
  id: 'spawn',
  label: 'spawn node -e → exit (ms)',
  unit: 'ms',
  async setup(ctx) {
    await tabBoot(ctx.page);
  },
  async tabnode(ctx) {
    return tabSpawnToExit(ctx.page);
  },
  async native() {
    return (await nativeNodeE()).exitMs;
  },
};
