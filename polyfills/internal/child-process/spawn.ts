// child_process.spawn: normalize, start through the kernel, then Node's timeout and AbortSignal.

import { AbortError } from '../errors.ts';
import { nodeRuntime } from '../process/node-runtime.ts';
import { validateAbortSignal } from '../validators.ts';
import { ChildProcess } from './child-process.ts';
import { normalizeSpawnArguments, sanitizeKillSignal, validateTimeout } from './normalize.ts';
import { directCommand } from './shell-direct.ts';

function abortChild(child: ChildProcess, killSignal: string, reason: unknown): void {
  try {
    if (child.kill(killSignal as NodeJS.Signals)) child.emit('error', new AbortError(undefined, { cause: reason }));
  } catch (error) {
    child.emit('error', error);
  }
}

export function spawn(file: unknown, args?: unknown, options?: unknown): ChildProcess {
  const normalized = normalizeSpawnArguments(file, args, options);
  const opts = normalized.options;
  validateTimeout(opts.timeout);
  validateAbortSignal(opts.signal, 'options.signal');
  const killSignal = sanitizeKillSignal(opts.killSignal);
  const child = new ChildProcess();
  const direct = directCommand(normalized);
  child.spawn({
    file: normalized.file,
    args: normalized.args,
    cwd: normalized.cwd,
    env: normalized.env,
    stdio: opts.stdio,
    ...(direct === undefined ? {} : { direct }),
  });
  const timers = nodeRuntime().loop.timers;
  const timeout = opts.timeout;
  if (typeof timeout === 'number' && timeout > 0) {
    let timer: ReturnType<typeof timers.setTimeout> | undefined = timers.setTimeout(() => {
      timer = undefined;
      try {
        child.kill(killSignal as NodeJS.Signals);
      } catch (error) {
        child.emit('error', error);
      }
    }, timeout);
    child.once('exit', () => {
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
    });
  }
  const signal = opts.signal as AbortSignal | undefined;
  if (signal !== undefined) {
    if (signal.aborted) {
      nodeRuntime().loop.nextTick(() => abortChild(child, killSignal, signal.reason), []);
    } else {
      const onAbort = () => abortChild(child, killSignal, signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      child.once('exit', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return child;
}
