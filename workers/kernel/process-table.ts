// The process table: starts each `node` process as a Web Worker, serves its system calls, routes
// its stdio to whoever spawned it, delivers signals, and reports its exit exactly once, last.

import type { KernelToProcess, ProcessInit, ProcessToKernel, SignalName } from '../../src/shared/process-messages.ts';
import type { SpawnEvent, SpawnOptions } from '../../src/shared/kernel-api.ts';
import { createStdioRingBuffer, serveStdioRing } from '../../src/shared/stdio-ring.ts';
import { createSyncChannelBuffer, serveSyncChannel } from '../../src/shared/sync-channel.ts';
import type { SyscallRequest, SyscallResponse } from '../../src/shared/syscalls.ts';
import { splitNodeCommandLine } from '../loader/node-options.ts';
import { PortTable, type PortChange } from './ports.ts';

/** What the process table needs of the filesystem. */
export interface ProcessVfs {
  handle(pid: number, request: SyscallRequest, payload?: Uint8Array): SyscallResponse | Promise<SyscallResponse>;
  /** A process ended: its descriptors and watchers go. */
  closeAll(pid: number): void;
  watch(pid: number, id: number, path: string, recursive: boolean, onEvent: (eventType: 'rename' | 'change', filename: string) => void): void;
  unwatch(pid: number, id: number): void;
  /** Resolves when everything written so far is durable. */
  flush(): Promise<void>;
}

const NODE_PATH = '/usr/local/bin/node';

/** Linux signal numbers for the exit status of a process ended by a signal (128 + n). */
const signalNumbers: Record<SignalName, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGUSR2: 12,
  SIGTERM: 15,
};

/** Signals whose default action ends the process (all of ours). */
const isSignalName = (name: string): name is SignalName => Object.hasOwn(signalNumbers, name);

/** A process that does not act on a signal it listens to within this time is ended anyway. */
const SIGNAL_GRACE_MS = 500;

interface ProcessEntry {
  pid: number;
  worker: Worker;
  events: MessagePort;
  channel: { close(): void };
  stdio: { drain(): void; close(): void };
  /** Signals the process has listeners for (it told us); the rest end it at once. */
  listened: Set<SignalName>;
  exited: boolean;
  graceTimer: ReturnType<typeof setTimeout> | undefined;
}

export interface ProcessTableOptions {
  runtimeId: string;
  vfs: ProcessVfs;
  /** Environment every process starts with, under what the spawner passes. */
  baseEnv: Record<string, string>;
  /** Creates the worker for a process; a seam for tests. */
  createWorker?: (name: string) => Worker;
  /** A TCP port started or stopped listening (node:net); the host API's `port` event hangs here. */
  onPortChange?: (port: number, change: PortChange) => void;
}

function createProcessWorker(name: string): Worker {
  return new Worker(new URL('../process.worker.ts', import.meta.url), { type: 'module', name });
}

export class ProcessTable {
  readonly #options: ProcessTableOptions;
  readonly #processes = new Map<number, ProcessEntry>();
  #nextPid = 100;
  /** node:net's listeners and connections between these processes. */
  readonly ports: PortTable;

  constructor(options: ProcessTableOptions) {
    this.#options = options;
    this.ports = new PortTable({
      post: (pid, message, transfer) => {
        const entry = this.#processes.get(pid);
        if (entry !== undefined) this.#post(entry, message, transfer);
      },
      ...(options.onPortChange === undefined ? {} : { onPortChange: options.onPortChange }),
    });
  }

  /** Starts `command args`; resolves with the pid. Output and the exit arrive on `events`. */
  spawn(command: string, args: string[], options: SpawnOptions, events: MessagePort): number {
    const pid = this.#nextPid++;
    const send = (event: SpawnEvent, transfer: Transferable[] = []) => events.postMessage(event, transfer);
    if (command !== 'node') {
      // npm and a shell arrive with later issues; until then the command is simply not there.
      send({ type: 'output', fd: 2, data: new TextEncoder().encode(`tabnode: ${command}: command not found\n`) });
      send({ type: 'exit', code: 127 });
      return pid;
    }

    const { execArgv, scriptArgs } = splitNodeCommandLine(args);
    const env: Record<string, string> = { ...this.#options.baseEnv, PWD: options.cwd, ...options.env };
    if (options.terminal !== undefined) env.TERM ??= 'xterm-256color';
    const syncChannel = createSyncChannelBuffer();
    const stdio = createStdioRingBuffer();
    const init: ProcessInit = {
      type: 'init',
      pid,
      ppid: 1,
      argv: [NODE_PATH, ...scriptArgs],
      execArgv,
      env,
      cwd: options.cwd,
      syncChannel,
      stdio,
      tty: {
        stdin: options.terminal !== undefined,
        stdout: options.terminal !== undefined,
        stderr: options.terminal !== undefined,
        columns: options.terminal?.cols ?? 80,
        rows: options.terminal?.rows ?? 24,
      },
      runtimeId: this.#options.runtimeId,
    };

    const worker = (this.#options.createWorker ?? createProcessWorker)(`node pid ${pid}`);
    const vfs = this.#options.vfs;
    const entry: ProcessEntry = {
      pid,
      worker,
      events,
      channel: serveSyncChannel(syncChannel, (request, payload) => vfs.handle(pid, request, payload)),
      stdio: serveStdioRing(stdio, (fd, data) => send({ type: 'output', fd, data }, [data.buffer])),
      listened: new Set(),
      exited: false,
      graceTimer: undefined,
    };
    this.#processes.set(pid, entry);

    worker.addEventListener('message', (event: MessageEvent<ProcessToKernel>) => this.#receive(entry, event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      const reason = event.message || 'the process worker failed to start';
      send({ type: 'output', fd: 2, data: new TextEncoder().encode(`tabnode: ${reason}\n`) });
      void this.#finish(entry, 1);
    });
    worker.addEventListener('messageerror', () => void this.#finish(entry, 1));
    this.#post(entry, init);
    return pid;
  }

  writeStdin(pid: number, data: Uint8Array | null): void {
    const entry = this.#processes.get(pid);
    if (entry !== undefined) this.#post(entry, { type: 'stdin', data }, data ? [data.buffer] : []);
  }

  resize(pid: number, columns: number, rows: number): void {
    const entry = this.#processes.get(pid);
    if (entry !== undefined) this.#post(entry, { type: 'resize', columns, rows });
  }

  /**
   * Sends `signal`. A process that listens for it gets it as an event; one that does not (or
   * that is stuck in `while (true)` and cannot read messages) is ended with 128 + the signal.
   */
  kill(pid: number, signal: string): void {
    const entry = this.#processes.get(pid);
    if (entry === undefined || entry.exited) return;
    const name: SignalName = isSignalName(signal) ? signal : 'SIGTERM';
    if (name === 'SIGKILL' || !entry.listened.has(name)) {
      void this.#finish(entry, 128 + signalNumbers[name], name);
      return;
    }
    this.#post(entry, { type: 'signal', signal: name });
    entry.graceTimer ??= setTimeout(() => void this.#finish(entry, 128 + signalNumbers[name], name), SIGNAL_GRACE_MS);
  }

  has(pid: number): boolean {
    return this.#processes.has(pid);
  }

  /** Ends every process (teardown). */
  async killAll(): Promise<void> {
    await Promise.all([...this.#processes.values()].map((entry) => this.#finish(entry, 128 + signalNumbers.SIGKILL, 'SIGKILL')));
  }

  #post(entry: ProcessEntry, message: KernelToProcess, transfer: Transferable[] = []): void {
    if (!entry.exited) entry.worker.postMessage(message, transfer);
  }

  #receive(entry: ProcessEntry, message: ProcessToKernel): void {
    if (entry.exited) return;
    switch (message.type) {
      case 'syscall':
        void this.#answerAsync(entry, message.id, message.request, message.payload);
        return;
      case 'exit':
        void this.#finish(entry, message.code, message.signal);
        return;
      case 'watch':
        this.#options.vfs.watch(entry.pid, message.id, message.path, message.recursive, (eventType, filename) =>
          this.#post(entry, { type: 'watch-event', id: message.id, eventType, filename }),
        );
        return;
      case 'unwatch':
        this.#options.vfs.unwatch(entry.pid, message.id);
        return;
      case 'signal-listeners':
        entry.listened = new Set(message.signals);
        return;
      case 'kill': {
        const target = this.#processes.get(message.pid);
        // process.kill(pid, 0) only asks whether the process exists: nothing to send.
        if (target !== undefined && message.signal !== null) this.kill(message.pid, message.signal);
        return;
      }
      case 'net-listen':
      case 'net-unlisten':
      case 'net-connect':
      case 'net-closed':
        this.ports.receive(entry.pid, message);
        return;
      case 'stdin-flow':
      case 'tty-raw':
        // Stdin is pushed as it arrives; line editing for terminals comes with the terminal issue.
        return;
    }
  }

  async #answerAsync(entry: ProcessEntry, id: number, request: SyscallRequest, payload?: Uint8Array): Promise<void> {
    let response: SyscallResponse;
    try {
      response = await this.#options.vfs.handle(entry.pid, request, payload);
    } catch (error) {
      console.error('tabnode kernel: syscall failed', request.op, error);
      response = { ok: false, error: { code: 'EIO', syscall: request.op } };
    }
    const transfer = response.ok && response.payload ? [response.payload.buffer] : [];
    this.#post(entry, { type: 'syscall-result', id, response }, transfer);
  }

  /** Ends the process once: descriptors closed, writes made durable, then `exit` posted last. */
  async #finish(entry: ProcessEntry, code: number, signal?: SignalName): Promise<void> {
    if (entry.exited) return;
    entry.exited = true;
    clearTimeout(entry.graceTimer);
    entry.worker.terminate();
    // Everything the process wrote is reported before its exit.
    entry.stdio.drain();
    entry.stdio.close();
    entry.channel.close();
    this.#options.vfs.closeAll(entry.pid);
    this.ports.releaseProcess(entry.pid);
    this.#processes.delete(entry.pid);
    try {
      // Invariant 2: a process's writes are in IndexedDB when its exit is reported.
      await this.#options.vfs.flush();
    } catch (error) {
      const message = `tabnode: could not save files: ${error instanceof Error ? error.message : String(error)}\n`;
      entry.events.postMessage({ type: 'output', fd: 2, data: new TextEncoder().encode(message) } satisfies SpawnEvent);
    }
    entry.events.postMessage({ type: 'exit', code, ...(signal ? { signal } : {}) } satisfies SpawnEvent);
    entry.events.close();
  }
}
