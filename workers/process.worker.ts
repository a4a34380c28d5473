// A `node` process: one Web Worker. Waits for the kernel's `init`, then runs the process
// (workers/process/start.ts); every later kernel message goes to the process runtime.

import type { KernelToProcess, ProcessToKernel } from '../src/shared/process-messages.ts';
import type { WorkerRuntime } from './process/create-runtime.ts';
import { startProcess } from './process/start.ts';

declare const self: DedicatedWorkerGlobalScope;

// Captured first: the process's globals hide them from user code.
const post = self.postMessage.bind(self) as (message: ProcessToKernel, transfer?: Transferable[]) => void;
const on = self.addEventListener.bind(self) as (type: string, listener: (event: never) => void) => void;

let runtime: WorkerRuntime | undefined;
/** Messages that arrived before `init` (none expected): replayed once the runtime exists. */
const early: KernelToProcess[] = [];

on('message', (event: MessageEvent<KernelToProcess>) => {
  const message = event.data;
  if (message.type === 'init') {
    if (runtime !== undefined) return;
    runtime = startProcess(message, { post, on });
    for (const queued of early.splice(0)) runtime.receive(queued);
    return;
  }
  if (runtime === undefined) early.push(message);
  else runtime.receive(message);
});
