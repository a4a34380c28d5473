// Calls a user callback exactly once, from the loop's poll phase and outside every `try`, so an
// exception it throws becomes `uncaughtException` instead of a second call. Belongs in
// polyfills/internal/callbacks.ts once that exists; fs keeps its own copy until then.

import { runtime } from '../runtime.ts';

export function deliver<A extends unknown[]>(callback: (...args: A) => void, ...args: A): void {
  runtime().loop.queueIoCallback(() => callback(...args));
}

/** Settles a callback from a promise: one call with the value or one with the error, never both. */
export function settle<T>(
  promise: Promise<T>,
  callback: (err: Error | null, value?: T) => void,
): void {
  promise.then(
    (value) => deliver(callback, null, value),
    (error: unknown) => deliver(callback, error as Error),
  );
}
