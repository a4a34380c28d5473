// What the process worker installs beyond polyfills/internal/runtime.ts's `ProcessRuntime`:
// nextTick, Node's timers, process exit, stdio input, signals, watchers. Proposed for runtime.ts;
// until the lead adopts it, polyfills reach it through `nodeRuntime()`.

import type { KernelToNet, NetToKernel, SignalName } from '../../../src/shared/process-messages.ts';
import { runtime, type EventLoop, type ProcessRuntime } from '../runtime.ts';

/** Node's timer functions, bound to the loop (workers/loop/timers.ts makes them). */
export interface TimersApi {
  setTimeout(callback: unknown, delay?: unknown, ...args: unknown[]): TimeoutLike;
  setInterval(callback: unknown, delay?: unknown, ...args: unknown[]): TimeoutLike;
  setImmediate(callback: unknown, ...args: unknown[]): ImmediateLike;
  clearTimeout(timer: unknown): void;
  clearInterval(timer: unknown): void;
  clearImmediate(immediate: unknown): void;
}

export interface TimeoutLike {
  ref(): this;
  unref(): this;
  hasRef(): boolean;
  refresh(): this;
  close(): this;
  [Symbol.toPrimitive](): number;
}

export interface ImmediateLike {
  ref(): this;
  unref(): this;
  hasRef(): boolean;
}

export interface NodeEventLoop extends EventLoop {
  nextTick(callback: (...args: unknown[]) => void, args: readonly unknown[]): void;
  /** Runs `fn` before the loop's next step, as a callback of its own (errors → uncaughtException). */
  runSoon(fn: () => void): void;
  readonly timers: TimersApi;
}

/** The terminal facts of one stdio stream, as the kernel reported them at start-up. */
export interface TtyInfo {
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  columns: number;
  rows: number;
}

export interface NodeProcessRuntime extends ProcessRuntime {
  readonly loop: NodeEventLoop;
  /** Ends the process now: flushes stdio, reports the code to the kernel, never returns. */
  exit(code: number, signal?: SignalName): never;
  /**
   * Asks the kernel to deliver `signal` to another process (null: only check it exists);
   * false if there is no such process.
   */
  kill(pid: number, signal: SignalName | null): boolean;
  /** Starts (true) or pauses (false) the flow of stdin chunks to `onStdin`. */
  setStdinFlowing(flowing: boolean): void;
  /** Where stdin chunks (null at the end) and terminal resizes go; the process polyfill sets it. */
  onStdin: ((data: Uint8Array | null) => void) | undefined;
  onResize: ((columns: number, rows: number) => void) | undefined;
  onSignal: ((signal: SignalName) => void) | undefined;
  readonly tty: TtyInfo;
  /** Terminal line discipline: raw (true) passes keys through, cooked (false) edits lines and echoes. */
  setRawMode(raw: boolean): void;
  /** Tells the kernel which signals have listeners; the others take their default action there. */
  setSignalListeners(signals: readonly SignalName[]): void;
  /** Milliseconds the loop spent running JavaScript (process.cpuUsage). */
  cpuTime(): number;
  /** The working directory (process.cwd()), for polyfills that resolve paths. */
  cwd(): string;
  /** fs.watch: changes under `path` until the returned function is called. */
  watch(
    path: string,
    recursive: boolean,
    onEvent: (eventType: 'rename' | 'change', filename: string) => void,
  ): () => void;
  /** node:net: a message to the kernel's port table (workers/kernel/ports.ts). */
  sendNet(message: NetToKernel): void;
  /** Where the port table's answers go (set by node:net); called as the messages arrive. */
  onNet: ((message: KernelToNet) => void) | undefined;
}

export function isNodeRuntime(value: ProcessRuntime): value is NodeProcessRuntime {
  return 'exit' in value && 'nextTick' in value.loop;
}

export function nodeRuntime(): NodeProcessRuntime {
  const installed = runtime();
  if (!isNodeRuntime(installed)) throw new Error('tabnode: the installed runtime lacks the process extensions');
  return installed;
}
