// node:timers/promises — promise forms of the timers, setInterval as an async iterator, scheduler. https://nodejs.org/api/timers.html#timers-promises-api
// Unsupported: nothing.

import type nodeTimersPromises from 'node:timers/promises';
import { AbortError } from '../internal/errors.ts';
import { nodeRuntime } from '../internal/process/node-runtime.ts';
import { validateAbortSignal, validateBoolean, validateObject } from '../internal/validators.ts';

interface TimerOptions {
  signal?: AbortSignal | undefined;
  ref?: boolean | undefined;
}

/** Node validates options the same way for every function here; errors reject, never throw. */
function readOptions(options: unknown): { signal: AbortSignal | undefined; ref: boolean } {
  validateObject(options, 'options');
  const { signal, ref = true } = options as TimerOptions;
  validateAbortSignal(signal, 'options.signal');
  validateBoolean(ref, 'options.ref');
  return { signal, ref };
}

function aborted(signal: AbortSignal | undefined): AbortError {
  return new AbortError(undefined, { cause: signal?.reason });
}

/** Arms `arm` and settles with its value, or rejects when the signal aborts. */
function cancellable<T>(
  options: unknown,
  arm: (resolve: (value: T) => void) => { cancel(): void; unref(): void },
): Promise<T> {
  let signal: AbortSignal | undefined;
  let ref: boolean;
  try {
    ({ signal, ref } = readOptions(options));
  } catch (error) {
    return Promise.reject(error);
  }
  if (signal?.aborted) return Promise.reject(aborted(signal));
  let onAbort: (() => void) | undefined;
  const promise = new Promise<T>((resolve, reject) => {
    const timer = arm(resolve);
    if (!ref) timer.unref();
    if (signal !== undefined) {
      onAbort = () => {
        timer.cancel();
        reject(aborted(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  // Node detaches its listener in a `finally`, which also sets when the caller's handlers run.
  return signal === undefined ? promise : promise.finally(() => signal.removeEventListener('abort', onAbort!));
}

export function setTimeout<T = void>(delay?: number, value?: T, options: TimerOptions = {}): Promise<T> {
  return cancellable<T>(options, (resolve) => {
    const { timers } = nodeRuntime().loop;
    const timeout = timers.setTimeout(() => resolve(value as T), delay);
    return { cancel: () => timers.clearTimeout(timeout), unref: () => timeout.unref() };
  });
}

setTimeout satisfies typeof nodeTimersPromises.setTimeout;

export function setImmediate<T = void>(value?: T, options: TimerOptions = {}): Promise<T> {
  return cancellable<T>(options, (resolve) => {
    const { timers } = nodeRuntime().loop;
    const immediate = timers.setImmediate(() => resolve(value as T));
    return { cancel: () => timers.clearImmediate(immediate), unref: () => immediate.unref() };
  });
}

setImmediate satisfies typeof nodeTimersPromises.setImmediate;

export async function* setInterval<T = void>(delay?: number, value?: T, options: TimerOptions = {}): AsyncGenerator<T> {
  const { signal, ref } = readOptions(options);
  if (signal?.aborted) throw aborted(signal);
  const { timers } = nodeRuntime().loop;
  /** Ticks not yet handed to the consumer. */
  let pending = 0;
  let wake: ((error?: unknown) => void) | undefined;
  const interval = timers.setInterval(() => {
    pending++;
    wake?.();
    wake = undefined;
  }, delay);
  if (!ref) interval.unref();
  const onAbort = (): void => {
    timers.clearInterval(interval);
    wake?.(aborted(signal));
    wake = undefined;
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    while (signal?.aborted !== true) {
      if (pending === 0) {
        await new Promise<void>((resolve, reject) => {
          wake = (error) => (error === undefined ? resolve() : reject(error));
        });
      }
      for (; pending > 0; pending--) yield value as T;
    }
    throw aborted(signal);
  } finally {
    timers.clearInterval(interval);
    signal?.removeEventListener('abort', onAbort);
  }
}

setInterval satisfies typeof nodeTimersPromises.setInterval;

export const scheduler = {
  wait: (delay: number, options?: TimerOptions): Promise<void> => setTimeout(delay, undefined, options),
  yield: (): Promise<void> => setImmediate(),
};

scheduler satisfies typeof nodeTimersPromises.scheduler;

export default { setTimeout, setImmediate, setInterval, scheduler };
