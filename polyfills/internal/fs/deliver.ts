// fs's use of the shared callback delivery (internal/callbacks.ts): run an operation over the
// asynchronous channel and call back exactly once, from the loop, outside any `try`.

import { deliver } from '../callbacks.ts';
import { runtime } from '../runtime.ts';
import { type Op, runAsync } from './driver.ts';

export { deliver };

type Callback = (...args: unknown[]) => void;

/** `(null, ...spread(value))` or `(error)`, once; the loop stays alive until the call is made. */
export function runWithCallback<T>(op: Op<T>, callback: Function, spread: (value: T) => unknown[]): void {
  const done = runtime().loop.beginRequest();
  runAsync(op).then(
    (value) => {
      deliver(callback as Callback, null, ...spread(value));
      done();
    },
    (error: unknown) => {
      deliver(callback as Callback, error);
      done();
    },
  );
}
