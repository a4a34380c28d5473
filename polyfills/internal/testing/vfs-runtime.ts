// A `ProcessRuntime` for unit tests over an in-memory kernel handler (workers/kernel/vfs.ts's
// `createMemoryVfs()`), so polyfills run their real code paths without workers:
// sync calls are direct calls; async calls are the same call answered on a later macrotask;
// the loop runs I/O callbacks with setImmediate and records what they throw, as Node's
// uncaughtException would see it; stdout and stderr are captured.

import type { SyscallRequest, SyscallResponse } from '../../../src/shared/syscalls.ts';
import { setCwdProvider } from '../fs/cwd.ts';
import { type EventLoop, type LoopHandle, type ProcessRuntime, installRuntime } from '../runtime.ts';

/** What the kernel's VFS offers: one handler for every call of one process. */
export interface SyscallHandler {
  handle(pid: number, request: SyscallRequest, payload?: Uint8Array): SyscallResponse | Promise<SyscallResponse>;
}

export interface TestRuntime {
  runtime: ProcessRuntime;
  stdout: Uint8Array[];
  stderr: Uint8Array[];
  /** Errors thrown by callbacks the loop ran: what would be `uncaughtException`. */
  uncaught: unknown[];
  /** Requests and callbacks still pending. */
  pending(): number;
  /** Resolves once nothing is pending (polled on macrotasks). */
  idle(): Promise<void>;
  setCwd(path: string): void;
  text(fd: 1 | 2): string;
  /** Active fs.watch registrations, as the process runtime's `watch` received them. */
  watchers: { path: string; recursive: boolean; emit(eventType: 'rename' | 'change', filename: string): void }[];
}

const schedule: (fn: () => void) => void =
  typeof setImmediate === 'function' ? (fn) => setImmediate(fn) : (fn) => setTimeout(fn, 0);

export function installTestRuntime(handler: SyscallHandler, pid = 100): TestRuntime {
  let pending = 0;
  let cwd = '/';
  const stdout: Uint8Array[] = [];
  const stderr: Uint8Array[] = [];
  const uncaught: unknown[] = [];
  const watchers: TestRuntime['watchers'] = [];

  /**
   * The real sync channel blocks until a promised answer (fsync waiting for the commit); a test in
   * one thread cannot, so fsync/fdatasync answer at once after checking the descriptor.
   */
  function syncCall(request: SyscallRequest, payload?: Uint8Array): SyscallResponse {
    const response = handler.handle(pid, request, payload);
    if (!(response instanceof Promise)) return syncResponse(response);
    response.catch(() => {});
    if (request.op === 'fsync' || request.op === 'fdatasync') {
      const check = syncResponse(handler.handle(pid, { op: 'fstat', fd: request.fd }));
      return check.ok ? { ok: true, result: {} } : { ok: false, error: { ...check.error, syscall: request.op } };
    }
    throw new Error(`test runtime: the handler answered a sync ${request.op} asynchronously`);
  }

  function syncResponse(response: SyscallResponse | Promise<SyscallResponse>): SyscallResponse {
    if (response instanceof Promise) throw new Error('test runtime: the handler answered a sync call asynchronously');
    // Payloads cross a thread boundary in the real channel: never share the kernel's bytes.
    if (response.ok && response.payload) return { ...response, payload: response.payload.slice() };
    return response;
  }

  const loop: EventLoop = {
    queueIoCallback(fn) {
      pending++;
      schedule(() => {
        pending--;
        try {
          fn();
        } catch (error) {
          uncaught.push(error);
        }
      });
    },
    beginRequest() {
      pending++;
      let done = false;
      return () => {
        if (!done) pending--;
        done = true;
      };
    },
    createHandle(refed = true): LoopHandle {
      let ref = refed;
      return {
        ref: () => void (ref = true),
        unref: () => void (ref = false),
        hasRef: () => ref,
        close: () => void (ref = false),
      };
    },
  };

  const runtime: ProcessRuntime & { watch: unknown } = {
    // The process runtime's proposed `watch` (polyfills/internal/process/node-runtime.ts).
    watch(path: string, recursive: boolean, onEvent: (eventType: 'rename' | 'change', filename: string) => void) {
      const entry = { path, recursive, emit: onEvent };
      watchers.push(entry);
      return () => {
        const index = watchers.indexOf(entry);
        if (index !== -1) watchers.splice(index, 1);
      };
    },
    pid,
    ppid: 1,
    syscall: {
      call: (request, payload) => syncCall(request, payload?.slice()) as never,
    },
    asyncSyscall: {
      callAsync(request, payload) {
        const end = loop.beginRequest();
        const copy = payload?.slice();
        return new Promise((resolve, reject) => {
          schedule(() => {
            try {
              Promise.resolve(handler.handle(pid, request, copy)).then(
                (response) => {
                  end();
                  resolve(syncResponse(response) as never);
                },
                (error: unknown) => {
                  end();
                  reject(error);
                },
              );
            } catch (error) {
              end();
              reject(error);
            }
          });
        });
      },
    },
    loop,
    writeStdio(fd, data) {
      (fd === 1 ? stdout : stderr).push(data.slice());
    },
  };
  installRuntime(runtime);
  setCwdProvider(() => cwd);

  return {
    runtime,
    stdout,
    stderr,
    uncaught,
    watchers,
    pending: () => pending,
    async idle() {
      for (let i = 0; i < 10_000 && pending > 0; i++) await new Promise<void>((r) => schedule(r));
    },
    setCwd(path) {
      cwd = path;
    },
    text(fd) {
      const chunks = fd === 1 ? stdout : stderr;
      return chunks.map((c) => new TextDecoder().decode(c)).join('');
    },
  };
}
