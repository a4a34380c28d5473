// The page side of the headless runner: exposes window.tabnodeRunner for bin/lib/session.js.
// Process output goes to the Node side raw, chunk by chunk, through an exposed function.

import { Tabnode } from '../index.ts';
import type { TabnodeProcess } from '../runtime/process.ts';
import { treeFromEntries } from './mount-tree.ts';
import { STDIO_BINDING, type RunnerApi } from './protocol.ts';

let runtime: Tabnode | undefined;
let running: TabnodeProcess | undefined;

const KERNEL_ERROR_PREFIX = 'tabnode runner: runtime error:';

function live(): Tabnode {
  if (runtime === undefined) throw new Error('tabnode runner: boot() first');
  return runtime;
}

async function pump(stream: ReadableStream<Uint8Array>, fd: 1 | 2): Promise<void> {
  const send = window[STDIO_BINDING];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    // Awaiting each chunk keeps order and lets a slow terminal on the Node side apply backpressure.
    if (send !== undefined) await send(fd, value);
  }
}

const api: RunnerApi = {
  async boot() {
    const runtimeId = `runner-${crypto.randomUUID()}`;
    runtime = await Tabnode.boot({ runtimeId, persist: false, fsRoot: 'vfs' });
    // A console error makes the runner fail: a kernel failure must never pass unnoticed.
    runtime.on('error', (error) => console.error(KERNEL_ERROR_PREFIX, error.message));
    return { runtimeId, workdir: runtime.workdir };
  },

  async mount(entries, mountPoint) {
    await live().mount(treeFromEntries(entries), { mountPoint });
  },

  async run(request) {
    const process = await live().spawn(request.command, request.args, {
      cwd: request.cwd,
      env: request.env,
      output: false,
    });
    running = process;
    const pumps = Promise.all([pump(process.stdout, 1), pump(process.stderr, 2)]);
    // If the runtime is torn down mid-run, `exit` rejects first and carries the error.
    pumps.catch(() => {});
    try {
      const code = await process.exit;
      await pumps;
      return code;
    } finally {
      running = undefined;
    }
  },

  async kill(signal) {
    running?.kill(signal);
  },

  async teardown() {
    await runtime?.teardown();
    runtime = undefined;
  },
};

window.tabnodeRunner = api;
// The host API itself, for the end-to-end tests that drive it directly.
window.Tabnode = Tabnode;
