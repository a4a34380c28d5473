// The process table: starts each `node` process as a Web Worker, serves its system calls, routes
// its stdio to whoever spawned it, delivers signals, and reports its exit exactly once, last.

import type { KernelToProcess, ProcessInit, ProcessToKernel, SignalName } from '../../src/shared/process-messages.ts';
import type { SpawnEvent, SpawnOptions } from '../../src/shared/kernel-api.ts';
import { createStdioRingBuffer, serveStdioRing } from '../../src/shared/stdio-ring.ts';
import { createSyncChannelBuffer, serveSyncChannel } from '../../src/shared/sync-channel.ts';
import { isChildSyscall, type ChildSpawnRequest, type SyscallRequest, type SyscallResponse } from '../../src/shared/syscalls.ts';
import { isNetSyscall } from '../../src/shared/syscalls.ts';
import { splitNodeCommandLine } from '../loader/node-options.ts';
import { NODE_PATH, resolveCommand, shellEval } from './child-command.ts';
import { ChildSpawner, type ProcessSink } from './child-spawner.ts';
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

/** How much of a process's stdin is kept for children that inherit it later. */
const STDIN_LOG_BYTES = 1 << 20;

/** A process that does not act on a signal it listens to within this time is ended anyway. */
const SIGNAL_GRACE_MS = 500;

interface ProcessEntry {
  pid: number;
  worker: Worker;
  /** Where its stdout, stderr and exit go: the host's port, or the parent's (child_process). */
  sink: ProcessSink;
  /** Children started with stdin 'inherit': they get what this process gets. */
  stdinHeirs: Set<number>;
  /**
   * What this process's stdin has carried so far (bounded), and whether it ended: a child that
   * inherits stdin later still reads what its parent left unread, as with a shared fd.
   */
  stdinLog: { chunks: Uint8Array[]; bytes: number; ended: boolean };
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
  /** node:child_process: processes that processes start. */
  readonly #children: ChildSpawner;

  constructor(options: ProcessTableOptions) {
    this.#options = options;
    this.ports = new PortTable({
      post: (pid, message, transfer) => {
        const entry = this.#processes.get(pid);
        if (entry !== undefined) this.#post(entry, message, transfer);
      },
      ...(options.onPortChange === undefined ? {} : { onPortChange: options.onPortChange }),
    });
    this.#children = new ChildSpawner({
      start: (parentPid, request, sink) => this.#startChild(parentPid, request, sink),
      sinkOf: (pid) => this.#processes.get(pid)?.sink,
      drainOutput: (pid) => this.#processes.get(pid)?.stdio.drain(),
      writeStdin: (pid, data) => this.writeStdin(pid, data),
      kill: (pid, signal) => this.kill(pid, signal),
    });
  }

  /** Resolves a child's command and starts it; the sink gets its output and exit. */
  async #startChild(parentPid: number, request: ChildSpawnRequest, sink: ProcessSink): Promise<{ pid: number } | { code: string }> {
    const vfs = this.#options.vfs;
    // uv_spawn's chdir into a missing cwd fails the spawn with ENOENT, as Node reports it.
    const cwd = await vfs.handle(parentPid, { op: 'stat', path: request.cwd });
    if (!cwd.ok || ((cwd.result as { stats: { mode: number } }).stats.mode & 0o170000) !== 0o040000) return { code: 'ENOENT' };
    const resolved = await resolveCommand((fsRequest) => vfs.handle(parentPid, fsRequest), request.file, request.args, request.cwd, request.env);
    if (!resolved.ok) return { code: resolved.code };
    const pid = this.#nextPid++;
    const split = resolved.shell
      ? { execArgv: ['-e', shellEval(resolved.name, resolved.utility === true)], scriptArgs: resolved.nodeArgs }
      : splitNodeCommandLine(resolved.nodeArgs);
    this.#start(pid, parentPid, split.execArgv, split.scriptArgs, { cwd: request.cwd, env: request.env, inheritEnv: false }, sink);
    const parent = this.#processes.get(parentPid);
    if (request.stdio[0] === 'inherit' && parent !== undefined) {
      parent.stdinHeirs.add(pid);
      for (const chunk of parent.stdinLog.chunks) this.writeStdin(pid, chunk.slice());
      if (parent.stdinLog.ended) this.writeStdin(pid, null);
    }
    else if (request.stdio[0] === 'ignore') this.writeStdin(pid, null);
    return { pid };
  }

  /** Starts `command args`; resolves with the pid. Output and the exit arrive on `events`. */
  spawn(command: string, args: string[], options: SpawnOptions, events: MessagePort): number {
    const pid = this.#nextPid++;
    const send = (event: SpawnEvent, transfer: Transferable[] = []) => events.postMessage(event, transfer);
    const sink: ProcessSink = {
      output: (fd, data) => send({ type: 'output', fd, data }, [data.buffer]),
      exit: (code, signal) => {
        send({ type: 'exit', code, ...(signal ? { signal } : {}) });
        events.close();
      },
    };
    if (command !== 'node') {
      // npm and a shell arrive with later issues; until then the command is simply not there.
      send({ type: 'output', fd: 2, data: new TextEncoder().encode(`tabnode: ${command}: command not found\n`) });
      send({ type: 'exit', code: 127 });
      return pid;
    }
    const { execArgv, scriptArgs } = splitNodeCommandLine(args);
    this.#start(pid, 1, execArgv, scriptArgs, { ...options, inheritEnv: true }, sink);
    return pid;
  }

  #start(
    pid: number,
    ppid: number,
    execArgv: string[],
    scriptArgs: string[],
    options: { cwd: string; env: Record<string, string>; terminal?: SpawnOptions['terminal']; inheritEnv: boolean },
    sink: ProcessSink,
  ): void {
    // A child's env is complete already (child_process starts from process.env, as Node does).
    const env: Record<string, string> = options.inheritEnv ? { ...this.#options.baseEnv, PWD: options.cwd, ...options.env } : { ...options.env };
    if (options.terminal !== undefined) env.TERM ??= 'xterm-256color';
    const syncChannel = createSyncChannelBuffer();
    const stdio = createStdioRingBuffer();
    const init: ProcessInit = {
      type: 'init',
      pid,
      ppid,
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
      sink,
      stdinHeirs: new Set(),
      stdinLog: { chunks: [], bytes: 0, ended: false },
      channel: serveSyncChannel(syncChannel, (request, payload) =>
        isNetSyscall(request)
          ? (this.ports.handleSync(pid, request) as SyscallResponse)
          : isChildSyscall(request)
            ? this.#children.handleSync(pid, request, payload)
            : vfs.handle(pid, request, payload),
      ),
      stdio: serveStdioRing(stdio, (fd, data) => sink.output(fd, data)),
      listened: new Set(),
      exited: false,
      graceTimer: undefined,
    };
    this.#processes.set(pid, entry);

    worker.addEventListener('message', (event: MessageEvent<ProcessToKernel>) => this.#receive(entry, event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      const reason = event.message || 'the process worker failed to start';
      sink.output(2, new TextEncoder().encode(`tabnode: ${reason}\n`));
      void this.#finish(entry, 1);
    });
    worker.addEventListener('messageerror', () => void this.#finish(entry, 1));
    this.#post(entry, init);
  }

  writeStdin(pid: number, data: Uint8Array | null): void {
    const entry = this.#processes.get(pid);
    if (entry === undefined) return;
    // Children that inherited this stdin read the same stream (each gets its own copy here).
    for (const heir of entry.stdinHeirs) this.writeStdin(heir, data === null ? null : data.slice());
    const log = entry.stdinLog;
    if (data === null) log.ended = true;
    else if (log.bytes + data.byteLength <= STDIN_LOG_BYTES) {
      log.chunks.push(data.slice());
      log.bytes += data.byteLength;
    }
    this.#post(entry, { type: 'stdin', data }, data ? [data.buffer] : []);
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
        if (isNetSyscall(message.request)) {
          this.#post(entry, { type: 'syscall-result', id: message.id, response: this.ports.handleSync(entry.pid, message.request) as SyscallResponse });
          return;
        }
        if (isChildSyscall(message.request)) {
          void this.#children.handleAsync(entry.pid, message.request).then(({ response, transfer }) => {
            this.#post(entry, { type: 'syscall-result', id: message.id, response: response as SyscallResponse }, transfer);
          });
          return;
        }
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
    for (const parent of this.#processes.values()) parent.stdinHeirs.delete(entry.pid);
    // Its children live on, as in Node; they lose only the pipes to it.
    this.#children.releaseParent(entry.pid);
    try {
      // Invariant 2: a process's writes are in IndexedDB when its exit is reported.
      await this.#options.vfs.flush();
    } catch (error) {
      const message = `tabnode: could not save files: ${error instanceof Error ? error.message : String(error)}\n`;
      entry.sink.output(2, new TextEncoder().encode(message));
    }
    entry.sink.exit(code, signal);
  }
}
