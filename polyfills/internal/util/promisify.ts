// util.promisify and util.callbackify, with `promisify.custom` and the internal
// `customPromisifyArgs` symbol that callback APIs with several results (fs.read, dns.lookup) set.
// Everything is supported.

import { codes } from '../errors.ts';
import { validateFunction } from '../validators.ts';
import { currentProcess } from './current-process.ts';
import { isPromise } from './types.ts';

export const kCustomPromisifiedSymbol: unique symbol = Symbol.for('nodejs.util.promisify.custom') as never;
/** Names for the callback's results when there are several: the promise resolves to an object. */
export const customPromisifyArgs: unique symbol = Symbol('customPromisifyArgs') as never;

type AnyFunction = (...args: unknown[]) => unknown;
type Callback = (err: unknown, ...values: unknown[]) => void;

function copyOwnProperties(target: object, source: object): void {
  const descriptors = Object.getOwnPropertyDescriptors(source) as Record<PropertyKey, PropertyDescriptor>;
  for (const key of Reflect.ownKeys(descriptors)) {
    Object.setPrototypeOf(descriptors[key as string], null);
  }
  Object.defineProperties(target, descriptors);
}

function promisifyImpl(original: unknown): AnyFunction {
  validateFunction(original, 'original');
  const custom = (original as unknown as Record<symbol, unknown>)[kCustomPromisifiedSymbol];
  if (custom) {
    validateFunction(custom, 'util.promisify.custom');
    return Object.defineProperty(custom, kCustomPromisifiedSymbol, {
      value: custom,
      enumerable: false,
      writable: false,
      configurable: true,
    }) as AnyFunction;
  }
  const argumentNames = (original as unknown as Record<symbol, unknown>)[customPromisifyArgs] as
    | string[]
    | undefined;

  function fn(this: unknown, ...args: unknown[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const callback: Callback = (err, ...values) => {
        if (err) {
          reject(err);
          return;
        }
        if (argumentNames !== undefined && values.length > 1) {
          const obj: Record<string, unknown> = {};
          argumentNames.forEach((name, i) => {
            obj[name] = values[i];
          });
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      };
      args.push(callback);
      // Node 21+ (DEP0174): the returned promise would be ignored, which is likely a mistake.
      if (isPromise(Reflect.apply(original as AnyFunction, this, args))) {
        currentProcess()?.emitWarning?.(
          'Calling promisify on a function that returns a Promise is likely a mistake.',
          'DeprecationWarning',
          'DEP0174',
        );
      }
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original) as object | null);
  Object.defineProperty(fn, kCustomPromisifiedSymbol, {
    value: fn,
    enumerable: false,
    writable: false,
    configurable: true,
  });
  copyOwnProperties(fn, original as object);
  return fn as AnyFunction;
}

export const promisify = Object.assign(promisifyImpl, { custom: kCustomPromisifiedSymbol });

/** `process.nextTick` of the running process, looked up at call time (node:process imports util). */
function nextTick(fn: (...args: unknown[]) => void, ...args: unknown[]): void {
  const proc = (globalThis as { process?: { nextTick?: (cb: (...a: unknown[]) => void, ...a: unknown[]) => void } })
    .process;
  if (typeof proc?.nextTick === 'function') proc.nextTick(fn, ...args);
  else queueMicrotask(() => fn(...args));
}

function onRejected(reason: unknown, cb: Callback): void {
  if (!reason) {
    const err = new codes.ERR_FALSY_VALUE_REJECTION();
    Object.assign(err, { reason });
    reason = err;
  }
  cb(reason);
}

export function callbackify(original: unknown): AnyFunction {
  validateFunction(original, 'original');
  function callbackified(this: unknown, ...args: unknown[]): void {
    const maybeCb = args.pop();
    validateFunction(maybeCb, 'last argument');
    const cb = (maybeCb as Callback).bind(this);
    // The callback runs on a later tick, outside this promise chain: a throw is uncaught.
    (Reflect.apply(original as AnyFunction, this, args) as Promise<unknown>).then(
      (ret) => nextTick(cb as (...a: unknown[]) => void, null, ret),
      (rej: unknown) => nextTick(onRejected as (...a: unknown[]) => void, rej, cb),
    );
  }
  const descriptors = Object.getOwnPropertyDescriptors(original) as Record<string, PropertyDescriptor>;
  const length = descriptors.length;
  if (length !== undefined && typeof length.value === 'number') length.value++;
  const name = descriptors.name;
  if (name !== undefined && typeof name.value === 'string') name.value += 'Callbackified';
  for (const key of Reflect.ownKeys(descriptors)) {
    Object.setPrototypeOf(descriptors[key as string], null);
  }
  Object.defineProperties(callbackified, descriptors);
  return callbackified as AnyFunction;
}
