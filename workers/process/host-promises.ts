// Web APIs whose promises the browser settles from a task of its own (a Request or Blob body read,
// SubtleCrypto, WebAssembly compilation) keep the event loop alive until they settle, as Node's
// equivalents do (undici bodies settle in promise jobs; webcrypto and wasm compilation are thread
// pool work Node waits for). Without this a script awaiting `await request.text()` with nothing
// else pending could be taken for finished and exit half-way, depending on task timing.
// The promise handed back follows the browser's by one promise job; a rejection nobody handles
// is still reported as unhandled.

import type { NodeEventLoop } from '../../polyfills/internal/process/node-runtime.ts';

const BODY_METHODS = ['arrayBuffer', 'blob', 'bytes', 'formData', 'json', 'text'] as const;
const BLOB_METHODS = ['arrayBuffer', 'bytes', 'text'] as const;
const SUBTLE_METHODS = [
  'encrypt',
  'decrypt',
  'sign',
  'verify',
  'digest',
  'generateKey',
  'deriveKey',
  'deriveBits',
  'importKey',
  'exportKey',
  'wrapKey',
  'unwrapKey',
] as const;
const WASM_FUNCTIONS = ['compile', 'instantiate', 'compileStreaming', 'instantiateStreaming'] as const;

/** Marks a wrapper so that installing twice (a second runtime in the worker) does not nest. */
const WRAPPED = Symbol('tabnode.keepsLoopAlive');

/** Replaces `owner[name]` (a promise-returning function) with one that holds a loop request. */
function hold(owner: object | undefined, name: string, loop: NodeEventLoop): void {
  if (owner === undefined) return;
  const descriptor = Object.getOwnPropertyDescriptor(owner, name);
  const original: unknown = descriptor?.value;
  if (descriptor === undefined || typeof original !== 'function' || WRAPPED in original) return;
  const wrapper = {
    // A method shorthand: no prototype, not a constructor, like the built-in it stands for.
    [name](this: unknown, ...args: unknown[]): unknown {
      const result: unknown = Reflect.apply(original, this, args);
      if (!(result instanceof Promise)) return result;
      const done = loop.beginRequest();
      // A promise of our own: the caller's (un)handling of a rejection still shows as Node's would.
      return result.then(
        (value: unknown) => {
          done();
          return value;
        },
        (error: unknown) => {
          done();
          throw error;
        },
      );
    },
  }[name] as (...args: unknown[]) => unknown;
  Object.defineProperty(wrapper, 'length', { value: original.length });
  Object.defineProperty(wrapper, WRAPPED, { value: true });
  Object.defineProperty(owner, name, { ...descriptor, value: wrapper });
}

export function keepLoopAliveForHostPromises(loop: NodeEventLoop): void {
  const scope = globalThis as unknown as Record<string, { prototype?: object } | undefined>;
  for (const name of BODY_METHODS) {
    hold(scope.Request?.prototype, name, loop);
    hold(scope.Response?.prototype, name, loop);
  }
  for (const name of BLOB_METHODS) hold(scope.Blob?.prototype, name, loop);
  for (const name of SUBTLE_METHODS) hold(scope.SubtleCrypto?.prototype, name, loop);
  for (const name of WASM_FUNCTIONS) hold(typeof WebAssembly === 'object' ? WebAssembly : undefined, name, loop);
}
