// Starts a process in this worker: the loop, the runtime, `process`, the globals, then the
// entry module as the loop's first unit.

import { setCwdProvider } from '../../polyfills/internal/fs/cwd.ts';
import { getSource } from '../../polyfills/internal/modules/compiled-sources.ts';
import { currentExitCode, reallyExit } from '../../polyfills/internal/process/exit.ts';
import { rejectionHandled, setSourceLookup, triggerUncaughtException, unhandledRejection } from '../../polyfills/internal/process/fatal.ts';
import { emit, setRawWriter } from '../../polyfills/internal/process/process-object.ts';
import { deliverSignal } from '../../polyfills/internal/process/signals.ts';
import { setCpuTimeSource } from '../../polyfills/internal/process/usage.ts';
import { installRuntime } from '../../polyfills/internal/runtime.ts';
import process, { setBuiltinModuleLookup, setupProcess } from '../../polyfills/process.ts';
import type { ProcessInit, ProcessToKernel } from '../../src/shared/process-messages.ts';
import { loadBuiltin } from '../loader/builtins.ts';
import { preloadBuiltins, runEntry } from '../loader/index.ts';
import { WorkerEventLoop } from '../loop/event-loop.ts';
import { createScheduler } from '../loop/scheduler.ts';
import { createRuntime, type WorkerRuntime } from './create-runtime.ts';
import { installGlobals } from './globals.ts';

export interface WorkerScopeAccess {
  post(message: ProcessToKernel, transfer?: Transferable[]): void;
  /** The worker scope's addEventListener, captured before the globals hide it. */
  on(type: 'unhandledrejection' | 'rejectionhandled', listener: (event: PromiseRejectionEvent) => void): void;
  on(type: 'error', listener: (event: ErrorEvent) => void): void;
}

export function startProcess(init: ProcessInit, scope: WorkerScopeAccess): WorkerRuntime {
  const loop: WorkerEventLoop = new WorkerEventLoop(createScheduler(), {
    uncaught: (error) => triggerUncaughtException(error, false),
    beforeExit: () => emit('beforeExit', currentExitCode()),
    exit: () => {
      (process as NodeJS.Process & { _exiting?: boolean })._exiting = true;
      emit('exit', currentExitCode());
      reallyExit(currentExitCode());
    },
    emitWarning: (message, type) => process.emitWarning(message, type),
  });
  const runtime = createRuntime(init, loop, scope.post, () => loop.busyMs, () => process.cwd());
  installRuntime(runtime);
  setRawWriter((fd, data) => runtime.writeStdio(fd, data));
  setCpuTimeSource(() => loop.busyMs);
  setSourceLookup(getSource);
  setCwdProvider(() => process.cwd());
  setBuiltinModuleLookup(loadBuiltin);
  setupProcess({ pid: init.pid, ppid: init.ppid, argv: init.argv, execArgv: init.execArgv, env: init.env, cwd: init.cwd });
  runtime.onSignal = (signal) => loop.runSoon(() => deliverSignal(signal));

  // Node checks for unhandled rejections after the microtasks of each callback; the browser
  // reports them in a task of its own right after, which the loop turns into a callback.
  scope.on('unhandledrejection', (event) => {
    event.preventDefault();
    loop.runSoon(() => unhandledRejection(event.reason, event.promise));
  });
  scope.on('rejectionhandled', (event) => {
    loop.runSoon(() => rejectionHandled(event.promise));
  });
  // Exceptions thrown outside the loop's callbacks (host callbacks): still Node's uncaught path.
  scope.on('error', (event) => {
    event.preventDefault();
    const error: unknown = event.error ?? event.message;
    loop.runSoon(() => triggerUncaughtException(error, false));
  });

  installGlobals(loop);
  // The built-in modules load asynchronously (dynamic imports) once, before any require().
  void preloadBuiltins().then(() =>
    loop.start(() => {
      const result: unknown = runEntry({ argv: init.argv, execArgv: init.execArgv, cwd: init.cwd });
      if (result instanceof Promise) {
        // An ES module entry: its failure is an uncaught exception, as in Node.
        result.catch((error: unknown) => loop.runSoon(() => triggerUncaughtException(error, false)));
      }
    }),
  );
  return runtime;
}
