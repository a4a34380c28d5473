// process.env: an object whose values are always strings, as Node's environment is.
// Assigning coerces to a string; a Symbol key or value throws like Node; delete works;
// defineProperty takes only a configurable, writable, enumerable data descriptor.

import { codes } from '../errors.ts';
import { currentProcess } from '../util/current-process.ts';

let warnedNonString = false;

/** DEP0104 under --pending-deprecation: a value that is not a string, number or boolean. */
function warnNonString(value: unknown): void {
  if (warnedNonString || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return;
  const proc = currentProcess() as { execArgv?: string[]; env?: Record<string, string | undefined> } | undefined;
  if (!(proc?.execArgv?.includes('--pending-deprecation') || proc?.env?.NODE_PENDING_DEPRECATION === '1')) return;
  warnedNonString = true;
  currentProcess()?.emitWarning?.(
    'Assigning any value other than a string, number, or boolean to a process.env property is deprecated. ' +
      'Please make sure to convert the value to a string before setting process.env with it.',
    'DeprecationWarning',
    'DEP0104',
  );
}

/** String conversion as Node's: a Symbol throws a TypeError (String(symbol) would not). */
function toEnvString(value: unknown): string {
  return `${value as string}`;
}

export function createEnv(initial: Record<string, string>): Record<string, string> {
  const target: Record<string, string> = Object.create(null) as Record<string, string>;
  Object.assign(target, initial);
  // Node's env is a plain-looking object: Object.prototype methods work on it.
  Object.setPrototypeOf(target, Object.prototype);
  return new Proxy(target, {
    set(obj, key, value) {
      if (typeof key === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
      const text = toEnvString(value);
      warnNonString(value);
      obj[key] = text;
      return true;
    },
    defineProperty(obj, key, descriptor) {
      if (typeof key === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
      if (!('value' in descriptor) && ('get' in descriptor || 'set' in descriptor)) {
        throw new codes.ERR_INVALID_OBJECT_DEFINE_PROPERTY('process.env', 'does not accept an accessor(getter/setter) descriptor');
      }
      if (!('value' in descriptor) || descriptor.configurable !== true || descriptor.writable !== true || descriptor.enumerable !== true) {
        throw new codes.ERR_INVALID_OBJECT_DEFINE_PROPERTY('process.env', 'only accepts a configurable, writable, and enumerable data descriptor');
      }
      obj[key] = toEnvString(descriptor.value);
      return true;
    },
    get(obj, key) {
      if (typeof key === 'symbol') return undefined;
      return Object.hasOwn(obj, key) ? obj[key] : (Object.prototype as Record<string, unknown>)[key];
    },
  });
}
