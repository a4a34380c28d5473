// util.deprecate: wraps a function to emit a DeprecationWarning once (once per code across all
// wrappers), through the running process's emitWarning. Everything is supported; the
// `--no-deprecation` flag is `process.noDeprecation`.

import { validateString } from '../validators.ts';
import { currentProcess } from './current-process.ts';

const codesWarned = new Set<string>();

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- Node's signature
export function deprecate<T extends Function>(fn: T, msg: string, code?: string): T {
  if (code !== undefined) validateString(code, 'code');
  let warned = false;
  function deprecated(this: unknown, ...args: unknown[]): unknown {
    const proc = currentProcess();
    if (!proc?.noDeprecation && !warned) {
      warned = true;
      if (code !== undefined) {
        if (!codesWarned.has(code)) {
          proc?.emitWarning?.(msg, 'DeprecationWarning', code, deprecated);
          codesWarned.add(code);
        }
      } else {
        proc?.emitWarning?.(msg, 'DeprecationWarning', deprecated);
      }
    }
    if (new.target) return Reflect.construct(fn as unknown as new (...a: unknown[]) => object, args, new.target);
    return Reflect.apply(fn as unknown as (...a: unknown[]) => unknown, this, args);
  }
  // Keep the prototype chain, so that `instanceof` and static members still work.
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype as object;
  return deprecated as unknown as T;
}
