// internal/crypto/lazy-transform: Hash, Hmac and Cipheriv are stream.Transforms whose stream state
// is built only when first used as a stream (as Node's LazyTransform): most callers only call
// update()/digest(), and building a Transform costs more than hashing a short string.

import { Transform } from '../../stream.ts';

// readable-stream's Transform is a plain constructor function: callable on an object made here.
const initTransform = Transform as unknown as (this: unknown, options: unknown) => void;

type Lazy = { _options?: unknown } & Record<string, unknown>;

function getter(name: string) {
  return function (this: Lazy): unknown {
    initTransform.call(this, this._options);
    // Strings reach _transform with their encoding, as in Node (update() decodes them).
    (this._writableState as { decodeStrings: boolean }).decodeStrings = false;
    return this[name];
  };
}

function setter(name: string) {
  return function (this: Lazy, value: unknown): void {
    Object.defineProperty(this, name, { value, enumerable: true, configurable: true, writable: true });
  };
}

/** Makes `prototype` (already inheriting Transform.prototype) build its stream state lazily. */
export function makeLazyTransform(prototype: object): void {
  for (const name of ['_readableState', '_writableState']) {
    Object.defineProperty(prototype, name, { get: getter(name), set: setter(name), configurable: true, enumerable: true });
  }
}
