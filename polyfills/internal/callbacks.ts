// Callback delivery for every callback API: exactly once, from the loop's poll phase, outside
// every `try`, so an exception thrown by user code becomes 'uncaughtException' instead of a
// second call. https://nodejs.org/api/events.html#error-events

import { runtime } from './runtime.ts';

type Callback<A extends unknown[]> = (...args: A) => void;

/** Calls `callback(...args)` as an I/O callback of the loop. */
export function deliver<A extends unknown[]>(callback: Callback<A>, ...args: A): void {
  runtime().loop.queueIoCallback(() => callback(...args));
}

/**
 * Settles a Node-style callback from a promise: `(null, value)` or `(error)`, once. The loop
 * stays alive while the promise is pending.
 */
export function callbackify<T>(promise: Promise<T>, callback: (error: unknown, value?: T) => void): void {
  const done = runtime().loop.beginRequest();
  promise.then(
    (value) => {
      deliver(callback, null, value);
      done();
    },
    (error: unknown) => {
      deliver(callback, error);
      done();
    },
  );
}

/** Runs `fn` on the next tick, like Node's `process.nextTick(fn, ...args)` inside internals. */
export function deferToTick<A extends unknown[]>(fn: Callback<A>, ...args: A): void {
  const loop = runtime().loop as { nextTick?: (callback: (...args: unknown[]) => void, args: readonly unknown[]) => void };
  if (loop.nextTick !== undefined) loop.nextTick(fn as (...args: unknown[]) => void, args);
  else queueMicrotask(() => fn(...args));
}
