// node:child_process in the kernel: the system calls that start children (childSpawn, childPort,
// childSpawnSync) and the routing of a child's stdio by mode: 'pipe' to the parent's port for that
// child, 'inherit' to wherever the parent's own output goes, 'ignore' nowhere.

import type { ChildToParent, ParentToChild, SignalName } from '../../src/shared/process-messages.ts';
import type { ChildSpawnRequest, ChildSyncResult, ChildSyscallRequest, ChildSyscallResponse } from '../../src/shared/syscalls.ts';

/** Where a process's output and its exit go. */
export interface ProcessSink {
  output(fd: 1 | 2, data: Uint8Array): void;
  exit(code: number, signal?: SignalName): void;
}

export interface ChildSpawnerHost {
  /** Resolves the command and starts it with `sink`; the libuv code when it cannot. */
  start(parentPid: number, request: ChildSpawnRequest, sink: ProcessSink): Promise<{ pid: number } | { code: string }>;
  sinkOf(pid: number): ProcessSink | undefined;
  /** Reports what `pid` has written so far, so a child's inherited output comes after it. */
  drainOutput(pid: number): void;
  writeStdin(pid: number, data: Uint8Array | null): void;
  kill(pid: number, signal: string): void;
}

type Answer = { response: ChildSyscallResponse; transfer: Transferable[] };

const failure = (code: string, syscall: string, path?: string): ChildSyscallResponse => ({
  ok: false,
  error: { code, syscall, ...(path === undefined ? {} : { path }) },
});

export class ChildSpawner {
  readonly #host: ChildSpawnerHost;
  /** Ports of children whose parent has not asked for them yet (childPort), by child pid. */
  readonly #unclaimed = new Map<number, { parent: number; port: MessagePort; ipc?: MessagePort }>();
  /**
   * IPC by child pid: the kernel's end of the parent's channel (the child's messages are posted
   * there, childIpcSend), and the port the parent's messages are forwarded to, until the child
   * claims it (childIpcPort).
   */
  readonly #ipcEnds = new Map<number, { toParent: MessagePort; toChild: MessagePort | undefined }>();

  constructor(host: ChildSpawnerHost) {
    this.#host = host;
  }

  /** Output of `fd` in `mode`: where it goes besides a pipe. */
  #route(parentPid: number, mode: ChildSpawnRequest['stdio'][number], pipe: (data: Uint8Array) => void): (data: Uint8Array, fd: 1 | 2) => void {
    if (mode === 'pipe') return pipe;
    if (mode === 'ignore') return () => {};
    const parentSink = this.#host.sinkOf(parentPid);
    return (data, fd) => {
      this.#host.drainOutput(parentPid);
      parentSink?.output(fd, data);
    };
  }

  async handleSync(parentPid: number, request: ChildSyscallRequest, payload: Uint8Array): Promise<ChildSyscallResponse> {
    switch (request.op) {
      case 'childSpawn':
        return this.#spawn(parentPid, request);
      case 'childSpawnSync':
        return this.#spawnSync(parentPid, request, payload);
      case 'childIpcSend': {
        const ends = this.#ipcEnds.get(parentPid);
        if (ends === undefined) return failure('ENOTCONN', 'childIpcSend');
        ends.toParent.postMessage(request.frame);
        return { ok: true, result: {} };
      }
      case 'childPort':
      case 'childIpcPort':
        // A MessagePort cannot travel through shared memory.
        return failure('EINVAL', request.op);
    }
  }

  async handleAsync(parentPid: number, request: ChildSyscallRequest): Promise<Answer> {
    if (request.op === 'childPort') {
      const entry = this.#unclaimed.get(request.pid);
      if (entry === undefined || entry.parent !== parentPid) return { response: failure('ESRCH', 'childPort'), transfer: [] };
      this.#unclaimed.delete(request.pid);
      const result = entry.ipc === undefined ? { port: entry.port } : { port: entry.port, ipc: entry.ipc };
      return { response: { ok: true, result }, transfer: entry.ipc === undefined ? [entry.port] : [entry.port, entry.ipc] };
    }
    if (request.op === 'childIpcPort') {
      const ends = this.#ipcEnds.get(parentPid);
      const port = ends?.toChild;
      if (ends === undefined || port === undefined) return { response: failure('ENOTCONN', 'childIpcPort'), transfer: [] };
      ends.toChild = undefined;
      return { response: { ok: true, result: { port } }, transfer: [port] };
    }
    if (request.op === 'childSpawn') return { response: await this.#spawn(parentPid, request), transfer: [] };
    return { response: failure('EINVAL', request.op), transfer: [] };
  }

  /** A parent ended: the ports it never claimed go; its children keep running. */
  releaseParent(parentPid: number): void {
    const ends = this.#ipcEnds.get(parentPid);
    ends?.toParent.close();
    ends?.toChild?.close();
    this.#ipcEnds.delete(parentPid);
    for (const [pid, entry] of this.#unclaimed) {
      if (entry.parent !== parentPid) continue;
      entry.port.close();
      this.#unclaimed.delete(pid);
    }
  }

  async #spawn(parentPid: number, request: ChildSpawnRequest): Promise<ChildSyscallResponse> {
    const channel = new MessageChannel();
    const kernelEnd = channel.port1;
    const post = (message: ChildToParent, transfer: Transferable[] = []) => kernelEnd.postMessage(message, transfer);
    const pipe = (fd: 1 | 2) => (data: Uint8Array) => post({ type: 'child-output', fd, data }, [data.buffer]);
    const routes = [this.#route(parentPid, request.stdio[1], pipe(1)), this.#route(parentPid, request.stdio[2], pipe(2))] as const;
    const sink: ProcessSink = {
      output: (fd, data) => routes[fd - 1]?.(data, fd),
      exit: (code, signal) => post({ type: 'child-exit', code: signal === undefined ? code : null, signal: signal ?? null }),
    };
    const started = await this.#host.start(parentPid, request, sink);
    if ('code' in started) {
      kernelEnd.close();
      return failure(started.code, `spawn ${request.file}`, request.file);
    }
    const { pid } = started;
    kernelEnd.onmessage = (event: MessageEvent<ParentToChild>) => {
      const message = event.data;
      if (message.type === 'child-stdin') {
        if (request.stdio[0] === 'pipe') this.#host.writeStdin(pid, message.data);
      } else {
        this.#host.kill(pid, message.signal);
      }
    };
    if (request.ipc === true) {
      const withParent = new MessageChannel();
      const toChild = new MessageChannel();
      // The parent's messages pass through here to the child's port (queued until it claims it).
      withParent.port2.onmessage = (event) => toChild.port1.postMessage(event.data);
      this.#ipcEnds.set(pid, { toParent: withParent.port2, toChild: toChild.port2 });
      this.#unclaimed.set(pid, { parent: parentPid, port: channel.port2, ipc: withParent.port1 });
    } else {
      this.#unclaimed.set(pid, { parent: parentPid, port: channel.port2 });
    }
    return { ok: true, result: { pid } };
  }

  #spawnSync(
    parentPid: number,
    request: ChildSpawnRequest & { timeout: number; killSignal: string; maxBuffer: number },
    input: Uint8Array,
  ): Promise<ChildSyscallResponse> {
    return new Promise((resolve) => {
      const collected: [Uint8Array[], Uint8Array[]] = [[], []];
      const sizes = [0, 0];
      let error: ChildSyncResult['error'];
      let pid = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stop = (reason: NonNullable<ChildSyncResult['error']>) => {
        if (error !== undefined) return;
        error = reason;
        this.#host.kill(pid, request.killSignal);
      };
      const collect = (fd: 1 | 2) => (data: Uint8Array) => {
        if (error === 'ENOBUFS') return;
        // Node keeps the read that went over maxBuffer whole, then kills the child.
        const index = fd - 1;
        collected[index]?.push(data);
        sizes[index] = (sizes[index] as number) + data.byteLength;
        if (request.maxBuffer >= 0 && (sizes[index] as number) > request.maxBuffer) stop('ENOBUFS');
      };
      const routes = [this.#route(parentPid, request.stdio[1], collect(1)), this.#route(parentPid, request.stdio[2], collect(2))] as const;
      const sink: ProcessSink = {
        output: (fd, data) => routes[fd - 1]?.(data, fd),
        exit: (code, signal) => {
          clearTimeout(timer);
          const payload = new Uint8Array((sizes[0] as number) + (sizes[1] as number));
          let offset = 0;
          for (const chunk of [...collected[0], ...collected[1]]) {
            payload.set(chunk, offset);
            offset += chunk.byteLength;
          }
          const result: ChildSyncResult = {
            pid,
            status: signal === undefined ? code : null,
            signal: signal ?? null,
            stdoutBytes: sizes[0] as number,
            stderrBytes: sizes[1] as number,
            ...(error === undefined ? {} : { error }),
          };
          resolve({ ok: true, result, payload });
        },
      };
      void this.#host.start(parentPid, request, sink).then((started) => {
        if ('code' in started) {
          resolve(failure(started.code, `spawnSync ${request.file}`, request.file));
          return;
        }
        pid = started.pid;
        if (request.stdio[0] === 'pipe') {
          if (input.byteLength > 0) this.#host.writeStdin(pid, input.slice());
          this.#host.writeStdin(pid, null);
        }
        if (request.timeout > 0) timer = setTimeout(() => stop('ETIMEDOUT'), request.timeout);
      });
    });
  }
}
