// The NodeProcessRuntime a process worker installs: sync syscalls over the SharedArrayBuffer
// channel, async ones over messages (answered in the loop's poll phase), exit, signals,
// stdin and watchers routed from the kernel's messages; stdout and stderr through the shared stdio ring.

import type { KernelToProcess, ProcessInit, ProcessToKernel } from '../../src/shared/process-messages.ts';
import { SyncChannelClient } from '../../src/shared/sync-channel.ts';
import { StdioRingWriter } from '../../src/shared/stdio-ring.ts';
import type { SyscallResponse } from '../../src/shared/syscalls.ts';
import type { NodeProcessRuntime } from '../../polyfills/internal/process/node-runtime.ts';
import type { WorkerEventLoop } from '../loop/event-loop.ts';

type Post = (message: ProcessToKernel, transfer?: Transferable[]) => void;

export interface WorkerRuntime extends NodeProcessRuntime {
  /** Routes one kernel message (everything after init). */
  receive(message: KernelToProcess): void;
}

/** Blocks this thread for good: after the exit message the kernel terminates the worker. */
function blockForever(): never {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(cell, 0, 0);
}

export function createRuntime(init: ProcessInit, loop: WorkerEventLoop, post: Post, cpuTime: () => number, cwd: () => string): WorkerRuntime {
  let nextSyscallId = 1;
  const pendingSyscalls = new Map<number, { resolve: (response: SyscallResponse) => void; done: () => void }>();
  let nextWatchId = 1;
  const watchers = new Map<number, (eventType: 'rename' | 'change', filename: string) => void>();
  /** stdin chunks that came before process.stdin was first used. */
  const earlyStdin: (Uint8Array | null)[] = [];
  let onStdin: ((data: Uint8Array | null) => void) | undefined;
  let exited = false;
  // Output goes straight into shared memory the kernel drains: nothing waits in this thread.
  const stdio = new StdioRingWriter(init.stdio);

  const runtime: WorkerRuntime = {
    pid: init.pid,
    ppid: init.ppid,
    tty: init.tty,
    loop,
    syscall: new SyncChannelClient(init.syncChannel),
    asyncSyscall: {
      callAsync(request, payload) {
        const id = nextSyscallId++;
        const done = loop.beginRequest();
        return new Promise((resolve) => {
          pendingSyscalls.set(id, { resolve: resolve as (response: SyscallResponse) => void, done });
          post({ type: 'syscall', id, request, ...(payload === undefined ? {} : { payload }) });
        });
      },
    },
    writeStdio(fd, data) {
      if (!exited) stdio.write(fd, data);
    },
    exit(code, signal) {
      if (!exited) {
        exited = true;
        loop.halt();
        post(signal === undefined ? { type: 'exit', code } : { type: 'exit', code, signal });
      }
      return blockForever();
    },
    kill(pid, signal) {
      post({ type: 'kill', pid, signal });
      return true;
    },
    setStdinFlowing(flowing) {
      post({ type: 'stdin-flow', flowing });
    },
    get onStdin() {
      return onStdin;
    },
    set onStdin(handler) {
      onStdin = handler;
      if (handler !== undefined) for (const chunk of earlyStdin.splice(0)) handler(chunk);
    },
    onResize: undefined,
    onSignal: undefined,
    setRawMode(raw) {
      post({ type: 'tty-raw', raw });
    },
    setSignalListeners(signals) {
      post({ type: 'signal-listeners', signals: [...signals] });
    },
    cpuTime,
    cwd,
    watch(path, recursive, onEvent) {
      const id = nextWatchId++;
      watchers.set(id, onEvent);
      post({ type: 'watch', id, path, recursive });
      return () => {
        if (!watchers.delete(id)) return;
        post({ type: 'unwatch', id });
      };
    },
    sendNet(message) {
      post(message);
    },
    onNet: undefined,
    receive(message) {
      switch (message.type) {
        case 'syscall-result': {
          const pending = pendingSyscalls.get(message.id);
          if (pending === undefined) return;
          pendingSyscalls.delete(message.id);
          // Resolved in the poll phase: the caller's promise jobs run where Node runs them.
          loop.queueIoCallback(() => pending.resolve(message.response));
          pending.done();
          return;
        }
        case 'stdin':
          if (onStdin !== undefined) onStdin(message.data);
          else earlyStdin.push(message.data);
          return;
        case 'signal':
          runtime.onSignal?.(message.signal);
          return;
        case 'resize':
          runtime.onResize?.(message.columns, message.rows);
          return;
        case 'watch-event': {
          const listener = watchers.get(message.id);
          if (listener !== undefined) listener(message.eventType, message.filename);
          return;
        }
        case 'net-listen-result':
        case 'net-connect-result':
        case 'net-accept':
        case 'net-peer-exit':
          runtime.onNet?.(message);
          return;
        case 'init':
          return;
      }
    },
  };
  return runtime;
}
