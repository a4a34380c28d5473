// Calls a user callback exactly once, from the loop's poll phase and outside every `try`, so an
// exception it throws becomes `uncaughtException` instead of a second call. Belongs in
// polyfills/internal/callbacks.ts once that exists; fs keeps its own copy until then.

import { runtime } from '../runtime.ts';
import { type Op, runAsync } from './driver.ts';

export function deliver<A extends unknown[]>(callback: (...args: A) => void, ...args: A): void {
  runtime().loop.queueIoCallback(() => callback(...args));
}

type Callback = (...args: unknown[]) => void;

/** Runs an fs operation and calls back exactly once, from the loop, outside any `try`:
 * `(null, ...spread(value))` or `(error)`. */
export function runWithCallback<T>(op: Op<T>, callback: Function, spread: (value: T) => unknown[]): void {
  runAsync(op).then(
    (value) => deliver(callback as Callback, null, ...spread(value)),
    (error: unknown) => deliver(callback as Callback, error),
  );
}
