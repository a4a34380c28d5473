// The seam between the polyfills and the process worker that hosts them. The worker installs one
// `ProcessRuntime` at start-up (workers/process/); polyfills reach the kernel and the event loop
// only through it, never by importing workers/. Unit tests install their own.

import type { AsyncSyscallTransport, SyncSyscallTransport } from '../../src/shared/syscalls.ts';

/** A long-lived thing (timer, server, watcher, stdin) that keeps the loop alive while ref'd. */
export interface LoopHandle {
  ref(): void;
  unref(): void;
  hasRef(): boolean;
  /** Removes the handle for good; it no longer counts either way. */
  close(): void;
}

/** Node's event loop, as polyfills see it. */
export interface EventLoop {
  /**
   * Runs `fn` as an I/O callback in the poll phase of the loop, outside any `try`: an exception
   * it throws becomes `uncaughtException`. Keeps the loop alive until it has run.
   */
  queueIoCallback(fn: () => void): void;
  /** An in-flight request keeps the loop alive until the returned function is called once. */
  beginRequest(): () => void;
  createHandle(refed?: boolean): LoopHandle;
}

export interface ProcessRuntime {
  readonly pid: number;
  readonly ppid: number;
  readonly syscall: SyncSyscallTransport;
  /** Resolves in the loop's poll phase, so promise jobs run where Node runs them. */
  readonly asyncSyscall: AsyncSyscallTransport;
  readonly loop: EventLoop;
  /** Writes to the process's stdout (1) or stderr (2), in order with every other write. */
  writeStdio(fd: 1 | 2, data: Uint8Array): void;
}

let installed: ProcessRuntime | undefined;

export function installRuntime(runtime: ProcessRuntime): void {
  installed = runtime;
}

export function runtime(): ProcessRuntime {
  if (installed === undefined) throw new Error('tabnode: no process runtime is installed');
  return installed;
}
